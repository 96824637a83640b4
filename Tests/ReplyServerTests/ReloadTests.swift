import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ReplyServer
import Testing

@Suite("reload")
struct ReloadTests {
    /// A copy of the example packs in a folder of the test's own.
    static func copyOfExamples() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestServer.examples), to: folder.appendingPathComponent("templates"))
        return folder
    }

    static let thanks = #"{"template": "globex-mobile/thanks", "values": {"first_name": "Ana"}}"#

    @Test("a broken new version is refused, the old one keeps serving; a good one is swapped in")
    func brokenVersionRefused() async throws {
        let folder = try Self.copyOfExamples()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = LibraryStore(path: folder.path)
        #expect(store.reload().isLoaded)
        let first = try #require(store.library)
        let server = TestServer(store: store)
        let pack = folder.appendingPathComponent("templates/globex-mobile/en-US.yaml")
        let original = try String(contentsOf: pack, encoding: .utf8)
        try await server.test { client in
            let before = try await client.post("/v1/render", Self.thanks)
            #expect(before.status == 200)

            // An unknown variable is a lint error: the whole new version is refused.
            try original.replacingOccurrences(of: "Thanks for bearing with us, {first_name}!", with: "Thanks, {no_such_variable}!")
                .write(to: pack, atomically: true, encoding: .utf8)
            await server.server.reloader.reload(because: "test")
            #expect(store.library?.version == first.version)
            let during = try await client.post("/v1/render", Self.thanks)
            #expect(during.status == 200)
            #expect(during.json["text"] as? String == before.json["text"] as? String)
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("replykit_library_reload_failures_total 1"))
            #expect(metrics.contains(#"replykit_library_info{version="\#(first.version)"} 1"#))

            // A good change is loaded and serves at once.
            try original.replacingOccurrences(of: "Thanks for bearing with us, {first_name}!", with: "Many thanks, {first_name}!")
                .write(to: pack, atomically: true, encoding: .utf8)
            await server.server.reloader.reload(because: "test")
            let second = try #require(store.library)
            #expect(second.version != first.version)
            let after = try await client.post("/v1/render", Self.thanks)
            #expect(after.json["text"] as? String == "Many thanks, Ana!")
            let metricsAfter = try await client.get("/metrics").text
            #expect(metricsAfter.contains("replykit_library_reloads_total 1"))
            #expect(metricsAfter.contains(#"replykit_library_info{version="\#(second.version)"} 1"#))
            let readiness = try await client.get("/readyz").text
            #expect(readiness.contains(second.version))
        }
    }

    @Test("a bundle that does not decode is refused at load")
    func brokenBundle() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString).json").path
        try #"{"format": "replykit-bundle", "version": 3, "brands": [{"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let failure) = ServedLibrary.load(path) else {
            Issue.record("a damaged bundle loaded")
            return
        }
        #expect(failure.message.contains("bundle"))
    }

    @Test("--watch notices a changed pack")
    func watchNoticesChanges() async throws {
        let folder = try Self.copyOfExamples()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = LibraryStore(path: folder.path)
        #expect(store.reload().isLoaded)
        let first = try #require(store.library).version
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let reloader = LibraryReloader(store: store, state: ServiceState(), metrics: ServerMetrics(), logger: logger,
                                       watch: true, interval: .milliseconds(100))
        let task = Task { try await reloader.run() }
        defer { task.cancel() }
        try await Task.sleep(for: .milliseconds(300))
        let pack = folder.appendingPathComponent("templates/globex-mobile/en-US.yaml")
        let text = try String(contentsOf: pack, encoding: .utf8)
        try text.replacingOccurrences(of: "Thanks for bearing with us", with: "Thank you for waiting")
            .write(to: pack, atomically: true, encoding: .utf8)
        var changed = false
        for _ in 0..<100 where !changed {
            try await Task.sleep(for: .milliseconds(100))
            changed = store.library?.version != first
        }
        #expect(changed)
    }
}

extension LibraryStore.ReloadOutcome {
    var isLoaded: Bool { if case .loaded = self { true } else { false } }
}
