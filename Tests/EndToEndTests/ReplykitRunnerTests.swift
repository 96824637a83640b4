import Foundation
import Testing

/// The runner the other tests rely on: it must neither hang nor deadlock.
@Suite struct ReplykitRunnerTests {
    @Test func hungProcessIsKilledAndFailsTheRun() async throws {
        let sleep = URL(fileURLWithPath: "/bin/sleep")
        try #require(FileManager.default.isExecutableFile(atPath: sleep.path), "coreutils' sleep stands in for a hung replykit")
        // No slot: a sleeping process needs no core.
        let failure = await #expect(throws: Replykit.Failure.self) {
            try await Replykit.run(["60"], timeout: 0.5, executable: sleep, takesSlot: false)
        }
        // Timed by the runner: the test's own clock would also count the wait to be resumed,
        // behind the other tests' work on Swift concurrency's threads.
        let killedAfter = try #require(failure?.killedAfter, "the process is killed, not waited for")
        #expect(killedAfter < 10, "the run ends after its timeout, not when the 60 s sleep does")
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
