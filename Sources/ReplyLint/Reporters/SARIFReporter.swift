import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// SARIF 2.1.0 as GitHub code scanning reads it: the rules in `tool.driver`, results with physical
/// locations relative to the repository root (`%SRCROOT%`), columns in Unicode code points and
/// fingerprints that stay the same when lines move.
struct SARIFReporter {
    var options: ReportOptions

    func render(_ result: LintResult) -> String {
        let rules = options.catalogue.rules.map(\.description)
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let driverRules: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
            ])
        }
        let results: [JSONValue] = result.diagnostics.map { d in
            var text = d.message
            for note in d.notes { text += "\nnote: \(note)" }
            if let help = d.help { text += "\nhelp: \(help)" }
            var fields: [(String, JSONValue)] = [("ruleId", .string(d.rule))]
            if let index = ruleIndex[d.rule] { fields.append(("ruleIndex", .int(index))) }
            fields.append(("level", .string(Self.level(d.severity))))
            fields.append(("message", .object([("text", .string(text))])))
            var physical: [(String, JSONValue)] = [
                ("artifactLocation", .object([("uri", .string(uri(d.file ?? ""))), ("uriBaseId", .string("%SRCROOT%"))])),
            ]
            let range = d.range ?? SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))
            var endColumn = range.end.column
            if range.end.line == range.start.line && endColumn <= range.start.column { endColumn = range.start.column + 1 }
            physical.append(("region", .object([
                ("startLine", .int(max(range.start.line, 1))),
                ("startColumn", .int(max(range.start.column, 1))),
                ("endLine", .int(max(range.end.line, range.start.line))),
                ("endColumn", .int(max(endColumn, 1))),
            ])))
            fields.append(("locations", .array([.object([("physicalLocation", .object(physical))])])))
            fields.append(("partialFingerprints", .object([("replykitFingerprint/v1", .string(fingerprint(d)))])))
            return .object(fields)
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("replykit")),
                ("version", .string(options.toolVersion)),
                ("semanticVersion", .string(options.toolVersion)),
                ("rules", .array(driverRules)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let root: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return root.serialized(pretty: true) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .off: "note"
        }
    }

    /// The path relative to the repository root, `/`-separated and percent-encoded as a URI reference.
    func uri(_ path: String) -> String {
        var relative = path
        let root = options.repositoryRoot
        if !root.isEmpty && root != ".", relative.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            relative = String(relative.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
        }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        while relative.hasPrefix("/") { relative.removeFirst() }
        var encoded = ""
        for byte in relative.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                encoded.append(c)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// A hash of what the finding is about (rule, file, brand, locale, template, message) and not
    /// where it is, so a finding keeps its identity when lines above it change.
    func fingerprint(_ d: Diagnostic) -> String {
        let key = [d.rule, uri(d.file ?? ""), d.brand ?? "", d.locale ?? "", d.template ?? "", d.message]
            .joined(separator: "\u{1F}")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
