import Foundation
import ReplyLint
import ReplyLSP
import RepositoryGenerator

// The language server's latency and memory on a generated repository of 100,000 templates (10 brands
// × 10 locales × 1,000 templates, so every pack has 1,000), against `replykit lint` of the same
// repository. Run in release:
//   swift run -c release lsp-latency            both measurements, each in a process of its own
//   swift run -c release lsp-latency lsp N      N didChange → publishDiagnostics round trips in a translation
//   swift run -c release lsp-latency lsp N default   the same in the default locale's pack, which
//                                                    re-checks the brand's ten packs
//   swift run -c release lsp-latency lint       one lint of the repository, with its peak memory
//
// The server runs in this process and is handed each message's bytes as its stdio loop hands them
// (JSON parsing, the edit, re-reading and re-checking the pack, writing the diagnostics' JSON); the
// clock stops when the publishDiagnostics for the edited document has been written.

let brands = 10, locales = 10, templates = 1000

/// The process's peak resident memory in bytes (VmHWM), or 0 where /proc does not say.
func peakResident() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func message(_ value: [String: Any]) -> [UInt8] {
    [UInt8](try! JSONSerialization.data(withJSONObject: value.merging(["jsonrpc": "2.0"]) { a, _ in a }))
}

func measureServer(rounds: Int, root: String, editsDefault: Bool) {
    // What the server writes, read after the clock stops.
    var sent: [[UInt8]] = []
    var published: [[String: Any]] {
        sent.compactMap { (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any] }
            .filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
    }
    let server = LanguageServer(send: { body in sent.append(body) }, log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
    let started = Date()
    server.handle(message(["id": 1, "method": "initialize", "params": ["rootUri": FileURI.uri(root), "capabilities": [:]]]))
    let loaded = Date().timeIntervalSince(started)
    // A translation (not the brand's default locale) re-checks itself; the default locale's pack,
    // every pack of the brand.
    let brand = root + "/templates/" + (try! FileManager.default.contentsOfDirectory(atPath: root + "/templates").sorted()[0])
    let brandText = try! String(contentsOfFile: brand + "/brand.yaml", encoding: .utf8)
    let defaultLocale = brandText.split(separator: "\n").first { $0.hasPrefix("default_locale: ") }
        .map { String($0.dropFirst("default_locale: ".count)) } ?? RepositoryGenerator.locales[0]
    let locale = editsDefault ? defaultLocale : RepositoryGenerator.locales.first { $0 != defaultLocale }!
    let path = brand + "/" + locale + ".yaml"
    let uri = FileURI.uri(path)
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    server.handle(message(["method": "textDocument/didOpen", "params": [
        "textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": text]]]))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // A one-line text in the middle of the pack: each round types a character at its end, the next
    // takes it out, so every round re-checks a pack that reads.
    let textLines = lines.indices.filter {
        lines[$0].hasPrefix("    text: ") && !">|\"'[".contains(lines[$0].dropFirst("    text: ".count).first ?? ">")
    }
    let line = textLines[textLines.count / 2]
    let column = lines[line].utf16.count
    var latencies: [Double] = []
    var idle: [Double] = []
    var findings = 0
    for round in 0..<rounds {
        let change: [String: Any] = round % 2 == 0
            ? ["range": range(line, column, line, column), "text": "!"]
            : ["range": range(line, column, line, column + 1), "text": ""]
        let body = message(["method": "textDocument/didChange", "params": [
            "textDocument": ["uri": uri, "version": round + 2], "contentChanges": [change]]])
        sent = []
        let start = DispatchTime.now().uptimeNanoseconds
        server.handle(body)
        let end = DispatchTime.now().uptimeNanoseconds
        guard let items = published.lazy.compactMap({ $0["params"] as? [String: Any] })
            .first(where: { $0["uri"] as? String == uri })?["diagnostics"] as? [Any] else { fatalError("no publishDiagnostics for \(path)") }
        findings = items.count
        latencies.append(Double(end - start) / 1e6)
        // What the stdio loop does before reading the next message: the files the edit left for
        // when the server is idle (brand.yaml; after the default locale's pack, the brand's other
        // files), timed apart.
        let idleStart = DispatchTime.now().uptimeNanoseconds
        server.idle()
        idle.append(Double(DispatchTime.now().uptimeNanoseconds - idleStart) / 1e6)
    }
    let sorted = latencies.sorted()
    print("lsp: loaded \(brands * locales * templates) templates in \(String(format: "%.2f", loaded)) s")
    print("lsp: didChange → publishDiagnostics in a \(templates)-template pack, \(editsDefault ? "the default locale's" : "a translation") (\(findings) findings), \(rounds) rounds: "
          + String(format: "p50 %.1f ms, p95 %.1f ms, max %.1f ms", percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.last ?? 0))
    let idleSorted = idle.sorted()
    print("lsp: then, once idle, the files that wait: " + String(format: "p50 %.1f ms, p95 %.1f ms", percentile(idleSorted, 0.5), percentile(idleSorted, 0.95)))
    print("lsp: peak resident memory \(peakResident() >> 20) MiB")
}

func range(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> [String: Any] {
    ["start": ["line": a, "character": b], "end": ["line": c, "character": d]]
}

func measureLint(root: String) {
    var options = LintRun.Options()
    options.paths = [root]
    options.format = .json
    let started = Date()
    let outcome = LintRun(options: options).run()
    precondition(outcome.result?.repository.templateCount == brands * locales * templates, outcome.stderr)
    print("lint: \(String(format: "%.2f", Date().timeIntervalSince(started))) s, peak resident memory \(peakResident() >> 20) MiB")
}

let root = try RepositoryGenerator.repository(brands: brands, locales: locales, templates: templates)
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "lsp": measureServer(rounds: arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200, root: root,
                          editsDefault: arguments.count > 2 && arguments[2] == "default")
case "lint": measureLint(root: root)
default:
    for mode in [["lint"], ["lsp", "200"]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = mode
        try process.run()
        process.waitUntilExit()
    }
}
