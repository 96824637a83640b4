import Foundation
import Testing

/// The runner the other tests rely on: it must neither hang nor deadlock.
@Suite struct ReplykitRunnerTests {
    @Test func hungProcessIsKilledAndFailsTheRun() async throws {
        let sleep = URL(fileURLWithPath: "/bin/sleep")
        try #require(FileManager.default.isExecutableFile(atPath: sleep.path), "coreutils' sleep stands in for a hung replykit")
        let started = Date()
        // No slot: a sleeping process needs no core, and a wait for a slot behind the other tests'
        // runs would be timed with the runner's own.
        await #expect(throws: Replykit.Failure.self) {
            try await Replykit.run(["60"], timeout: 0.5, executable: sleep, takesSlot: false)
        }
        // Well before the 60 s sleep ends.
        #expect(Date().timeIntervalSince(started) < 50, "the run ends after its timeout, not when the process does")
    }

    @Test func outputsLargerThanAPipeBufferDoNotDeadlock() async throws {
        // More than 64 KiB each way: the runner writes stdin while it drains stdout and stderr.
        let text = String(repeating: "x", count: 80)
        let lines = (0..<1_000).map { "\"\(text)\($0)\"" }
        let outcome = try await Replykit.run(["count", "--jsonl"], stdin: Array(lines.joined(separator: "\n").utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let counts = outcome.stdoutLines.map { jsonObject($0)?["weightedLength"] as? Int }
        #expect(counts == lines.map { $0.count - 2 })
    }
}
