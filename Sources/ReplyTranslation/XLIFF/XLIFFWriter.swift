import ReplyKitSupport

/// Writes a ``TranslationDocument`` as XLIFF 2.0: the core, and the Size and Length Restriction
/// module for the budgets of single-variant units.
///
/// Output is deterministic (attributes, notes and units in a fixed order; no dates), so re-exports
/// diff cleanly. Texts are written with `xml:space="preserve"`, and characters XML 1.0 cannot hold
/// as XLIFF's `<cp hex="…"/>`. Written as bytes: an export of every locale of a large repository
/// is a hundred megabytes of mostly copied text.
public enum XLIFFWriter {
    public static let coreNamespace = "urn:oasis:names:tc:xliff:document:2.0"
    public static let sizeRestrictionNamespace = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    /// The size restriction profile of the budgets: twitter-text's weighted length of the text
    /// without its placeholders (docs/translators.md).
    public static let profile = "replykit:weighted-text"

    public static func write(_ document: TranslationDocument) -> String {
        String(decoding: bytes(document), as: UTF8.self)
    }

    public static func bytes(_ document: TranslationDocument) -> [UInt8] {
        var out = XMLOutput()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw("<xliff xmlns=\"\(coreNamespace)\" xmlns:slr=\"\(sizeRestrictionNamespace)\" version=\"2.0\" srcLang=\"")
        out.attribute(document.sourceLocale)
        out.raw("\" trgLang=\"")
        out.attribute(document.targetLocale)
        out.raw("\">\n")
        for file in document.files where !file.units.isEmpty {
            out.raw("  <file id=\"")
            out.attribute(file.brand)
            if let original = file.original {
                out.raw("\" original=\"")
                out.attribute(original)
            }
            out.raw("\">\n    <slr:profiles generalProfile=\"\(profile)\"/>\n")
            for unit in file.units { write(unit, to: &out) }
            out.raw("  </file>\n")
        }
        out.raw("</xliff>\n")
        return out.bytes
    }

    private static func write(_ unit: TranslationUnit, to out: inout XMLOutput) {
        out.raw("    <unit id=\"")
        out.attribute(unit.id)
        out.raw("\" xml:space=\"preserve\"")
        if let size = unit.sizeRestriction { out.raw(" slr:sizeRestriction=\"\(size)\"") }
        out.raw(">\n")
        if !unit.notes.isEmpty {
            out.raw("      <notes>\n")
            for note in unit.notes {
                out.raw("        <note category=\"")
                out.attribute(note.category)
                out.raw("\">")
                out.content(note.text, markup: false)
                out.raw("</note>\n")
            }
            out.raw("      </notes>\n")
        }
        for segment in unit.segments {
            out.raw("      <segment id=\"")
            out.attribute(segment.id)
            out.raw("\" state=\"\(segment.state.rawValue)\">\n        <source>")
            out.content(segment.source, markup: true)
            out.raw("</source>\n")
            if let target = segment.target {
                out.raw("        <target>")
                out.content(target, markup: true)
                out.raw("</target>\n")
            }
            out.raw("      </segment>\n")
        }
        out.raw("    </unit>\n")
    }
}

/// XML text as UTF-8 bytes, escaped by hand.
struct XMLOutput {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Element content: `&`, `<`, `>` and carriage returns as references; a character XML 1.0
    /// cannot hold as `<cp hex="…"/>` (`markup`) or, in a note, as `U+XXXX`.
    mutating func content(_ text: String, markup: Bool) {
        var utf8 = Array(text.utf8)
        // Only C0 controls, U+FFFE and U+FFFF cannot be written; they are rare, so look first.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0xEF }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            switch byte {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x0D: raw("&#13;")
            case 0x09, 0x0A: bytes.append(byte)
            case 0..<0x20: disallowed(UInt32(byte), markup: markup)
            case 0xEF where index + 2 < count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                disallowed(utf8[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, markup: markup)
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        utf8 = []
    }

    private mutating func disallowed(_ value: UInt32, markup: Bool) {
        let hex = String(value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        raw(markup ? "<cp hex=\"\(padded)\"/>" : "U+\(padded)")
    }

    mutating func attribute(_ text: String) { raw(XMLEscaping.attribute(text)) }
}
