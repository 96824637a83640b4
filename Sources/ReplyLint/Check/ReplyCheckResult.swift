public import ReplyKit
public import ReplyCompiler
import ReplyKitSupport

/// What ``ReplyChecker`` found in one reply: its weighted length and limit, and lint-style
/// diagnostics whose ranges are positions in the reply's text.
public struct ReplyCheckResult: Sendable {
    /// The reply as checked.
    public var text: String
    public var brand: String
    public var locale: LocaleTag
    /// The twitter-text v3 weighted length of the reply.
    public var weightedLength: Int
    /// The brand's `max_length`.
    public var limit: Int
    /// Whether the reply ends with the brand's deep link, so the copy-safety rules read it as a DM
    /// hand-off rather than a public reply.
    public var handsOffToDM: Bool
    /// In text order; `file` is nil and lines and columns count in the text (columns in Unicode
    /// scalars, 1-based).
    public var diagnostics: [Diagnostic]

    /// Whether nothing at error level was found.
    public var ok: Bool { !diagnostics.contains { $0.severity == .error } }

    /// The reply as a source file, for quoting it under a diagnostic.
    var source: SourceFile { SourceFile(path: Self.path, bytes: Array(text.utf8)) }

    /// What human output calls the reply in `-->` lines, as lint calls text without a file.
    static let path = "<input>"
}

extension ReplyCheckResult {
    /// cli.md's json output, on one line: `{"ok", "weighted_length", "limit", "diagnostics"}` (with
    /// `brand`, `locale` and `hands_off_to_dm`), each diagnostic with lint's fields.
    public var jsonLine: String { json.serialized() }

    package var json: JSONValue {
        .object([
            ("ok", .bool(ok)), ("weighted_length", .int(weightedLength)), ("limit", .int(limit)),
            ("brand", .string(brand)), ("locale", .string(locale.canonical)), ("hands_off_to_dm", .bool(handsOffToDM)),
            ("diagnostics", .array(diagnostics.map(Self.json))),
        ])
    }

    private static func json(_ d: Diagnostic) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            ("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
            ("file", string(d.file)),
            ("line", int(d.range?.start.line)), ("column", int(d.range?.start.column)),
            ("end_line", int(d.range?.end.line)), ("end_column", int(d.range?.end.column)),
            ("brand", string(d.brand)), ("locale", string(d.locale)), ("template", string(d.template)),
            ("notes", .array(d.notes.map(JSONValue.string) + (d.help.map { [.string("help: \($0)")] } ?? []))),
            ("fixable", .bool(d.isFixable)),
        ])
    }

    /// rustc-style blocks as lint prints them, quoting the reply, then a summary line.
    public func humanReport(colors: Bool = false) -> String {
        let reporter = HumanReporter(options: ReportOptions(colors: colors))
        let source = source
        var out = ""
        for diagnostic in diagnostics { out += reporter.block(diagnostic, source: source) + "\n" }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count { $0.severity == .info }
        var counts = [plural(errors, "error"), plural(warnings, "warning")]
        if infos > 0 { counts.append(plural(infos, "info")) }
        let summary = "\(ok ? "ok" : "not ok"): \(counts.joined(separator: ", ")); \(weightedLength)/\(limit) weighted characters"
            + (handsOffToDM ? ", hands off to DM" : ", public reply")
        out += reporter.paint(summary, ok ? (warnings > 0 ? .yellow : .green) : .red, bold: true) + "\n"
        return out
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
