import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// rustc-style blocks: `error[rule]: message`, ` --> file:line:column`, the source lines with carets
/// under the range, `= note:` and `= help:` lines, and a summary at the end.
struct HumanReporter {
    var options: ReportOptions

    func render(_ result: LintResult) -> String {
        var out = ""
        for diagnostic in result.diagnostics {
            out += block(diagnostic, source: diagnostic.file.flatMap { result.repository.files[$0] })
            out += "\n"
        }
        out += paint(result.summaryLine, result.count(.error) > 0 ? .red : result.count(.warning) > 0 ? .yellow : .green,
                     bold: true)
        out += "\n"
        return out
    }

    func block(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        let color = Self.color(diagnostic.severity)
        var out = paint("\(diagnostic.severity.rawValue)[\(diagnostic.rule)]", color, bold: true)
            + paint(": \(diagnostic.message)", nil, bold: true) + "\n"
        let lines: [Int] = diagnostic.range.map { range in
            range.start.line == range.end.line || (range.end.line == range.start.line + 1 && range.end.column == 1)
                ? [range.start.line] : [range.start.line, range.end.line]
        } ?? []
        let gutter = String(repeating: " ", count: String(lines.last ?? 0).count)
        let bar = paint("|", .blue, bold: true)
        let location = diagnostic.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
        out += "\(gutter)\(paint("-->", .blue, bold: true)) \(diagnostic.file ?? "<input>")\(location)\n"
        if let range = diagnostic.range, let source {
            out += "\(gutter) \(bar)\n"
            for (index, line) in lines.enumerated() {
                if index == 1 && line > lines[0] + 1 { out += paint("...", .blue, bold: true) + "\n" }
                let text = source.line(line)
                let scalars = Array(text.unicodeScalars)
                let startColumn = line == range.start.line ? range.start.column : firstNonSpace(scalars)
                let endColumn = line == range.end.line ? range.end.column : scalars.count + 1
                let snippet = SnippetLine(text, start: startColumn - 1, end: endColumn - 1)
                let number = String(line)
                out += paint(number + String(repeating: " ", count: gutter.count - number.count), .blue, bold: true)
                out += " \(bar) \(snippet.text)\n"
                out += "\(gutter) \(bar) " + String(repeating: " ", count: snippet.caretOffset)
                    + paint(String(repeating: "^", count: snippet.caretCount), color, bold: true) + "\n"
            }
        }
        if !diagnostic.notes.isEmpty || diagnostic.help != nil {
            if diagnostic.range != nil && source != nil { out += "\(gutter) \(bar)\n" }
            for note in diagnostic.notes {
                out += "\(gutter) \(paint("=", .blue, bold: true)) \(paint("note", nil, bold: true)): \(note)\n"
            }
            if let help = diagnostic.help {
                out += "\(gutter) \(paint("=", .blue, bold: true)) \(paint("help", nil, bold: true)): \(help)\n"
            }
        }
        return out
    }

    private func firstNonSpace(_ scalars: [Unicode.Scalar]) -> Int {
        (scalars.firstIndex { $0 != " " && $0 != "\t" } ?? 0) + 1
    }

    enum Color: Int {
        case red = 31, green = 32, yellow = 33, blue = 34, cyan = 36
    }

    static func color(_ severity: Severity) -> Color {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info, .off: .cyan
        }
    }

    func paint(_ text: String, _ color: Color?, bold: Bool = false) -> String {
        guard options.colors else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let color { codes.append(String(color.rawValue)) }
        guard !codes.isEmpty else { return text }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
