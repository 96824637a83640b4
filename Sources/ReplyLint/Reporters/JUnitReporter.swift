import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// JUnit XML: a testsuite per file, a testcase per template (× its pack's locale) and one per
/// problem with the file as a whole. Errors are failures; warnings and infos go to `system-out`.
struct JUnitReporter {
    func render(_ result: LintResult) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        for d in result.diagnostics { byFile[d.file ?? "", default: []].append(d) }
        var templatesByFile: [String: [(brand: String, locale: String, template: String)]] = [:]
        for folder in result.repository.brands {
            for pack in folder.packs {
                let locale = pack.tag?.canonical ?? PathText.lastComponent(pack.file)
                templatesByFile[pack.file, default: []] += pack.templates.map { (folder.id, locale, $0.id.value) }
            }
        }
        var suites = ""
        var totalTests = 0, totalFailures = 0
        for file in result.files {
            let diagnostics = byFile[file] ?? []
            var cases: [(classname: String, name: String, diagnostics: [Diagnostic])] = []
            for entry in templatesByFile[file] ?? [] {
                cases.append(("\(entry.brand).\(entry.locale)", entry.template,
                              diagnostics.filter { $0.template == entry.template }))
            }
            let listed = Set((templatesByFile[file] ?? []).map(\.template))
            for d in diagnostics where d.template.map({ !listed.contains($0) }) ?? true {
                let position = d.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
                cases.append((file, "\(d.rule)\(position)", [d]))
            }
            if cases.isEmpty { cases.append((file, "file", [])) }
            let failures = cases.filter { $0.diagnostics.contains { $0.severity == .error } }.count
            totalTests += cases.count
            totalFailures += failures
            suites += "  <testsuite name=\"\(Self.escape(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
            for testCase in cases {
                suites += "    <testcase classname=\"\(Self.escape(testCase.classname))\" name=\"\(Self.escape(testCase.name))\""
                if testCase.diagnostics.isEmpty {
                    suites += "/>\n"
                    continue
                }
                suites += ">\n"
                let errors = testCase.diagnostics.filter { $0.severity == .error }
                if !errors.isEmpty {
                    let first = errors[0]
                    suites += "      <failure type=\"\(Self.escape(first.rule))\" message=\"\(Self.escape(first.message))\">"
                    suites += Self.escape(errors.map(Self.text).joined(separator: "\n\n")) + "</failure>\n"
                }
                let others = testCase.diagnostics.filter { $0.severity != .error }
                if !others.isEmpty {
                    suites += "      <system-out>" + Self.escape(others.map(Self.text).joined(separator: "\n\n")) + "</system-out>\n"
                }
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"replykit lint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n"
            + suites + "</testsuites>\n"
    }

    static func text(_ d: Diagnostic) -> String {
        let position = d.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
        var text = "\(d.file ?? "")\(position): \(d.severity.rawValue)[\(d.rule)]: \(d.message)"
        for note in d.notes { text += "\n  note: \(note)" }
        if let help = d.help { text += "\n  help: \(help)" }
        return text
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                if XMLEscaping.isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}
