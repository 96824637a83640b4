public import ReplyKit
package import ReplyKitSupport
/// How much a diagnostic matters. `off` exists for configuration only: no reported diagnostic has it.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case off, info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A replacement of one source range of a file: how a fixable rule repairs what it found.
public struct TextEdit: Sendable, Hashable {
    /// The bytes to replace (offsets of `range` are byte offsets of the file).
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One finding about a file: a value, returned rather than thrown.
///
/// `message` starts in lowercase and has no trailing period; only `help` says how to fix it.
public struct Diagnostic: Sendable, Hashable {
    /// The rule that found it (`yaml-syntax`, `schema`, `over-limit`, ...).
    public var rule: String
    public var severity: Severity
    public var message: String
    /// The file, as given to the loader (relative paths stay relative).
    public var file: String?
    /// Where in the file; nil for a problem with the file as a whole.
    public var range: SourceRange?
    /// More context, each shown as `= note: ...`.
    public var notes: [String]
    /// How to fix it, shown as `= help: ...`.
    public var help: String?
    public var brand: String?
    public var locale: String?
    public var template: String?
    /// The edits that fix it, when the rule can fix it without changing the reply's meaning.
    public var fix: [TextEdit]?

    public init(
        rule: String, severity: Severity, message: String, file: String? = nil, range: SourceRange? = nil,
        notes: [String] = [], help: String? = nil, brand: String? = nil, locale: String? = nil,
        template: String? = nil, fix: [TextEdit]? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.notes = notes
        self.help = help
        self.brand = brand
        self.locale = locale
        self.template = template
        self.fix = fix
    }

    public var isFixable: Bool { !(fix ?? []).isEmpty }
}
