import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// GitHub Actions workflow commands, one per diagnostic. GitHub turns only the first 10 of each
/// level into annotations, so when there are more, a first notice says how many there are in all.
struct GitHubReporter {
    static let annotationLimit = 10

    func render(_ result: LintResult) -> String {
        var out = ""
        let counts = [(Severity.error, "error"), (.warning, "warning"), (.info, "notice")]
            .map { (severity: $0.0, name: $0.1, count: result.count($0.0)) }
        if counts.contains(where: { $0.count > Self.annotationLimit }) {
            let all = counts.filter { $0.count > 0 }.map { plural($0.count, $0.severity == .info ? "info" : $0.name) }
            out += "::notice title=replykit::replykit found \(all.joined(separator: ", ")); "
                + "GitHub shows only the first \(Self.annotationLimit) annotations of each level: "
                + "every one is listed in this step's log\n"
        }
        for d in result.diagnostics {
            let command = switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .info, .off: "notice"
            }
            var properties: [String] = []
            if let file = d.file { properties.append("file=\(Self.escapeProperty(file))") }
            if let range = d.range {
                properties.append("line=\(range.start.line)")
                properties.append("col=\(range.start.column)")
                properties.append("endLine=\(range.end.line)")
                properties.append("endColumn=\(range.end.column)")
            }
            properties.append("title=\(Self.escapeProperty(d.rule))")
            var message = d.message
            for note in d.notes { message += "\nnote: \(note)" }
            if let help = d.help { message += "\nhelp: \(help)" }
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        out += result.summaryLine + "\n"
        return out
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
