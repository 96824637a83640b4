import Foundation
import Testing

/// The built executables and the test tools' Python, as `swift test` leaves them.
enum Executables {
    /// Where SwiftPM puts the package's executables: beside the test bundle.
    static let products: URL? = {
        var candidates = Bundle.allBundles.map(\.bundleURL)
        if let main = Bundle.main.executableURL { candidates.append(main) }
        for candidate in candidates {
            var url = candidate.resolvingSymlinksInPath()
            while url.pathComponents.count > 1 {
                if url.pathExtension == "xctest" { return url.deletingLastPathComponent() }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }()

    static var server: URL? { products?.appendingPathComponent("replykit-server") }
    static var replykit: URL? { products?.appendingPathComponent("replykit") }

    static let python = TestServer.packageRoot.appendingPathComponent(".build/test-venv/bin/python3")

    /// CI fails a test whose tools are missing instead of skipping it.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether the venv has what the Python suites import.
    static let pythonToolsPresent: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        return (try? run(python, ["-c", "import pytest, jsonschema, schemathesis, mcp, requests"], timeout: 60).status) == 0
    }()

    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs `executable`, killing it after `timeout` seconds; stdout and stderr together.
    ///
    /// With `closeStdinAfter`, standard input stays open until the output holds that text (or the
    /// timeout passes): a server that ends at end of input answers first.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                    stdin: String? = nil, closeStdinAfter awaited: String? = nil, timeout: TimeInterval) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = TestServer.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = handle
        process.standardError = handle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        let deadline = Date().addingTimeInterval(timeout)
        if let awaited {
            while process.isRunning && Date() < deadline,
                  !((try? String(contentsOf: output, encoding: .utf8))?.contains(awaited) ?? false) {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        try input.fileHandleForWriting.close()
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw TimedOut(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) ran past \(Int(timeout)) s")
        }
        try handle.close()
        return Outcome(status: process.terminationStatus, output: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    struct TimedOut: Error, CustomStringConvertible { var description: String }
}
