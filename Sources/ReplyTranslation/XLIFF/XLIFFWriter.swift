/// Writes a ``TranslationDocument`` as XLIFF 2.0: the core, and the Size and Length Restriction
/// module for the budgets of single-variant units.
///
/// Output is deterministic (attributes, notes and units in a fixed order; no dates), so re-exports
/// diff cleanly. Texts are written with `xml:space="preserve"`, and characters XML 1.0 cannot hold
/// as XLIFF's `<cp hex="…"/>`.
public enum XLIFFWriter {
    public static let coreNamespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let sizeRestrictionNamespace = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    /// The size restriction profile of the budgets: twitter-text's weighted length of the text
    /// without its placeholders (docs/translators.md).
    public static let profile = "replykit:weighted-text"

    public static func write(_ document: TranslationDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff xmlns=\"\(coreNamespace)\" xmlns:slr=\"\(sizeRestrictionNamespace)\" version=\"2.0\""
        out += " srcLang=\"\(XMLEscaping.attribute(document.sourceLocale))\" trgLang=\"\(XMLEscaping.attribute(document.targetLocale))\">\n"
        for file in document.files where !file.units.isEmpty {
            out += "  <file id=\"\(XMLEscaping.attribute(file.brand))\""
            if let original = file.original { out += " original=\"\(XMLEscaping.attribute(original))\"" }
            out += ">\n"
            out += "    <slr:profiles generalProfile=\"\(profile)\"/>\n"
            for unit in file.units { write(unit, to: &out) }
            out += "  </file>\n"
        }
        out += "</xliff>\n"
        return out
    }

    private static func write(_ unit: TranslationUnit, to out: inout String) {
        out += "    <unit id=\"\(XMLEscaping.attribute(unit.id))\" xml:space=\"preserve\""
        if let size = unit.sizeRestriction { out += " slr:sizeRestriction=\"\(size)\"" }
        out += ">\n"
        if !unit.notes.isEmpty {
            out += "      <notes>\n"
            for note in unit.notes {
                let text = XMLEscaping.content(note.text, disallowed: XMLEscaping.codePoint)
                out += "        <note category=\"\(XMLEscaping.attribute(note.category))\">\(text)</note>\n"
            }
            out += "      </notes>\n"
        }
        for segment in unit.segments {
            out += "      <segment id=\"\(XMLEscaping.attribute(segment.id))\" state=\"\(segment.state.rawValue)\">\n"
            out += "        <source>\(inline(segment.source))</source>\n"
            if let target = segment.target { out += "        <target>\(inline(target))</target>\n" }
            out += "      </segment>\n"
        }
        out += "    </unit>\n"
    }

    private static func inline(_ text: String) -> String {
        XMLEscaping.content(text) { scalar in
            "<cp hex=\"\(XMLEscaping.codePoint(scalar).dropFirst(2))\"/>"
        }
    }
}
