import Foundation
import ReplyKit
@testable import ReplyKitSupport
import ReplyLint
import Testing
import ReplyCompiler

enum TestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let golden = testsDirectory.appendingPathComponent("Golden")
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh temporary folder, removed by the caller's `defer`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (paths relative to `root`) and returns `root`.
    @discardableResult
    static func write(_ files: [String: [UInt8]], under root: URL) throws -> URL {
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    static func lint(_ paths: [String], format: ReportFormat = .human, configure: (inout LintRun.Options) -> Void = { _ in })
        -> LintRun.Outcome
    {
        var options = LintRun.Options()
        options.paths = paths
        options.format = format
        options.toolVersion = "0.1.0"
        configure(&options)
        return LintRun(options: options).run()
    }
}

/// Compares `actual` with the golden file `name`; `UPDATE_GOLDEN=1` rewrites it instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = TestSupport.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name) (UPDATE_GOLDEN=1 rewrites it)",
            sourceLocation: sourceLocation)
}
