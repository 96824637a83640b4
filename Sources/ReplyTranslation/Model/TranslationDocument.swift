/// What an export holds, and what an import reads back: one source and one target locale, and per
/// brand the units of its templates. The same value is written as XLIFF 2.0 or as flat JSON.
public struct TranslationDocument: Sendable, Hashable {
    /// The brands' default locale, which the sources are written in.
    public var sourceLocale: String
    public var targetLocale: String
    public var files: [TranslationFile]

    public init(sourceLocale: String, targetLocale: String, files: [TranslationFile]) {
        self.sourceLocale = sourceLocale
        self.targetLocale = targetLocale
        self.files = files
    }
}

/// One brand's units (an XLIFF `<file>`).
public struct TranslationFile: Sendable, Hashable {
    /// The brand id, which is the file's id.
    public var brand: String
    /// The source pack, relative to where the export ran.
    public var original: String?
    public var units: [TranslationUnit]

    public init(brand: String, original: String?, units: [TranslationUnit]) {
        self.brand = brand
        self.original = original
        self.units = units
    }
}

/// One template's text (its variants as segments) or its DM prefill.
public struct TranslationUnit: Sendable, Hashable {
    /// `refund-delay` for a template's text, `refund-delay.prefill` for its DM prefill: an XML name
    /// token, stable across exports.
    public var id: String
    public var template: String
    public var isPrefill: Bool
    public var segments: [TranslationSegment]
    public var notes: [TranslationNote]
    /// The budget of a unit with one segment, as an XLIFF size restriction.
    public var sizeRestriction: Int?
    /// Where the unit was read from, for diagnostics of an import (1-based line; byte offsets).
    public var location: TranslationLocation?

    public init(id: String, template: String, isPrefill: Bool, segments: [TranslationSegment],
                notes: [TranslationNote] = [], sizeRestriction: Int? = nil, location: TranslationLocation? = nil) {
        self.id = id
        self.template = template
        self.isPrefill = isPrefill
        self.segments = segments
        self.notes = notes
        self.sizeRestriction = sizeRestriction
        self.location = location
    }

    /// The unit id of a template's text or of its prefill.
    public static func id(template: String, prefill: Bool) -> String { prefill ? template + prefillSuffix : template }
    public static let prefillSuffix = ".prefill"
}

/// One variant: the source text and the translation, if any.
public struct TranslationSegment: Sendable, Hashable {
    /// `v1`, `v2`, … for variants; `prefill` for a prefill.
    public var id: String
    public var source: String
    public var target: String?
    public var state: TranslationState
    /// Where the target (or the segment, without one) was read from.
    public var location: TranslationLocation?

    public init(id: String, source: String, target: String?, state: TranslationState, location: TranslationLocation? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.location = location
    }
}

/// The XLIFF 2.0 segment states.
public enum TranslationState: String, Sendable, Hashable, CaseIterable {
    case initial, translated, reviewed, final
}

/// A note for translators, with the XLIFF `category` it is filed under.
public struct TranslationNote: Sendable, Hashable {
    /// `format`, `description`, `tags`, `campaign`, `variable`, `budget`, `prefill`.
    public var category: String
    public var text: String

    public init(category: String, text: String) {
        self.category = category
        self.text = text
    }
}

/// A place in an imported file: the 1-based line and the byte range of that line's content.
public struct TranslationLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
