import Foundation

/// The built `replykit` executable, run as a user runs it.
///
/// It is found beside the test bundle, in the products directory where SwiftPM builds the package's
/// executables (`EndToEndTests` depends on `replykit`, so `swift test` builds it first), or at the
/// path in `REPLYKIT_EXECUTABLE`.
enum Replykit {
    /// The package's root folder: the current directory of a run unless a test gives another.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Why a run could not happen or did not end.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// For a process killed at its timeout: the seconds from its start to its end, on the
        /// runner's own thread.
        var killedAfter: TimeInterval?
    }

    /// Runs `replykit` (or `executable`, to test this runner) with `arguments`, `stdin` as its
    /// standard input (none: an empty one) and `NO_COLOR` set, in `directory`.
    ///
    /// A process still running after `timeout` seconds is killed and the run throws, so a hang
    /// fails its test instead of stopping the suite.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL = packageRoot,
                    timeout: TimeInterval = 30, executable: URL? = nil,
                    environment: [String: String] = [:], takesSlot: Bool = true) async throws -> ProcessOutcome {
        let executable = try executable ?? executableURL.get()
        // The wait blocks a thread: one of its own, not one of Swift concurrency's few.
        func runOffThePool() async throws -> ProcessOutcome {
            try await withCheckedThrowingContinuation { continuation in
                onItsOwnThread {
                    continuation.resume(with: Result {
                        try runBlocking(executable, arguments, stdin: stdin, in: directory, timeout: timeout,
                                        environment: environment)
                    })
                }
            }
        }
        // A run that lasts minutes (a whole external suite) takes no slot: it would hold one the
        // whole time, and the short runs queued behind it would time out.
        guard takesSlot else { return try await runOffThePool() }
        await ProcessSlots.shared.acquire()
        do {
            let outcome = try await runOffThePool()
            await ProcessSlots.shared.release()
            return outcome
        } catch {
            await ProcessSlots.shared.release()
            throw error
        }
    }

    /// `run(_:stdin:in:timeout:)` with the arguments written out.
    static func run(_ arguments: String..., stdin: [UInt8]? = nil, in directory: URL = packageRoot) async throws
        -> ProcessOutcome
    {
        try await run(arguments, stdin: stdin, in: directory)
    }

    /// The executable, or why there is none: then every run throws that reason, so no test passes.
    static let executableURL: Result<URL, Failure> = Result {
        if let override = ProcessInfo.processInfo.environment["REPLYKIT_EXECUTABLE"], !override.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: override) else {
                throw Failure(description: "REPLYKIT_EXECUTABLE=\(override) is not an executable file")
            }
            return URL(fileURLWithPath: override)
        }
        guard let products = productsDirectory else {
            throw Failure(description: "no .xctest bundle found to locate the products directory; set REPLYKIT_EXECUTABLE")
        }
        let url = products.appendingPathComponent("replykit")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw Failure(description: "\(url.path) is missing: `swift test` builds it; or set REPLYKIT_EXECUTABLE")
        }
        return url
    }.mapError { $0 as? Failure ?? Failure(description: "\($0)") }

    /// The folder holding the .xctest bundle (on Linux the test executable itself is named `.xctest`).
    private static var productsDirectory: URL? {
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
    }

    /// Runs `body`, which blocks (a wait for a process, a read to the end of a pipe), on a thread
    /// of its own, in `group` when given. Dispatch's pool on Linux starts about one thread a core
    /// and grows slowly when they block, so blocking work items there queue behind the other
    /// tests' runs, and a run's timeout would count that wait.
    private static func onItsOwnThread(_ group: DispatchGroup? = nil, _ body: @escaping @Sendable () -> Void) {
        group?.enter()
        Thread {
            body()
            group?.leave()
        }.start()
    }

    /// A child that outlives the test process reading its pipes must not kill that process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN); () }()

    private static func runBlocking(_ executable: URL, _ arguments: [String], stdin: [UInt8]?, in directory: URL,
                                    timeout: TimeInterval, environment extra: [String: String] = [:]) throws -> ProcessOutcome {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, given in given }
        process.environment = environment
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let started = Date()
        try process.run()

        let streams = DispatchGroup()
        let captured = Captured()
        onItsOwnThread(streams) {
            captured.set(stdout: output.fileHandleForReading.readDataToEndOfFile())
        }
        onItsOwnThread(streams) {
            captured.set(stderr: errors.fileHandleForReading.readDataToEndOfFile())
        }
        onItsOwnThread(streams) {
            // A child that exits without reading its input makes this write fail (EPIPE): that is fine.
            try? input.fileHandleForWriting.write(contentsOf: stdin ?? [])
            try? input.fileHandleForWriting.close()
        }

        if exited.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            let killedAfter = Date().timeIntervalSince(started)
            _ = streams.wait(timeout: .now() + 5)
            throw Failure(description: "replykit \(arguments.joined(separator: " ")) did not end within \(Int(timeout)) s; killed",
                          killedAfter: killedAfter)
        }
        guard streams.wait(timeout: .now() + timeout) == .success else {
            throw Failure(description: "replykit \(arguments.joined(separator: " ")) exited but its output did not close")
        }
        return ProcessOutcome(arguments: arguments, status: process.terminationStatus,
                              stdoutBytes: captured.stdout, stderrBytes: captured.stderr)
    }
}

/// The two output streams, filled by their reader threads.
private final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var out: [UInt8] = []
    private var err: [UInt8] = []

    var stdout: [UInt8] { lock.withLock { out } }
    var stderr: [UInt8] { lock.withLock { err } }

    func set(stdout data: Data) { lock.withLock { out = Array(data) } }
    func set(stderr data: Data) { lock.withLock { err = Array(data) } }
}
