import Foundation
import Testing

/// `replykit preview` as a user runs it: exit codes, and `--watch` rewriting only what changed.
@Suite struct PreviewCommandTests {
    @Test func writesTheExamplePacksSite() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try await Replykit.run(["preview", "templates", "--output", scratch.path("site")], timeout: 120)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("0 errors"))
        for page in ["index.html", "acme-air/index.html", "acme-air/templates/refund-delay.html", "assets/preview.css",
                     "assets/preview.js", "globex-mobile/index.html", "northwind-bank/index.html"] {
            #expect(scratch.contents("site/" + page) != nil, "\(page) is missing")
        }
    }

    @Test func aPathThatDoesNotExistExitsTwo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try await Replykit.run(["preview", scratch.path("nothing-here"), "--output", scratch.path("site")])
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("error: "))
    }

    @Test func withoutOutputItIsAUsageError() async throws {
        let outcome = try await Replykit.run(["preview", "templates"])
        #expect(outcome.status == 2, "\(outcome)")
    }

    @Test(.timeLimit(.minutes(2)))
    func watchRewritesThePagesOfAChangedPack() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try AcmeRepository.write(in: scratch, templates: [("hello", "Hello {first_name}!"), ("thanks", "Thanks {first_name}.")])
        let site = scratch.path("site")
        let process = Process()
        process.executableURL = try Replykit.executableURL.get()
        process.arguments = ["preview", scratch.path("templates"), "--output", site, "--watch"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // SIGKILL: a child of the test process may inherit a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        func modified(_ page: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: site + "/" + page))?[.modificationDate] as? Date
        }
        func waitFor(_ condition: () -> Bool) async throws -> Bool {
            for _ in 0..<200 {
                if condition() { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        #expect(try await waitFor { modified("acme/templates/thanks.html") != nil }, "the first build did not write the site")
        let helloBefore = try #require(modified("acme/templates/hello.html"))
        let thanksBefore = try #require(modified("acme/templates/thanks.html"))
        // A later modification time than the first build's, even on a file system with coarse times.
        try await Task.sleep(for: .milliseconds(1100))
        try AcmeRepository.write(in: scratch, templates: [("hello", "Hello again {first_name}!"), ("thanks", "Thanks {first_name}.")])
        #expect(try await waitFor { (modified("acme/templates/hello.html") ?? helloBefore) > helloBefore },
                "the changed template's page was not rewritten")
        let page = String(decoding: scratch.contents("site/acme/templates/hello.html") ?? [], as: UTF8.self)
        #expect(page.contains("Hello again Ana!"))
        #expect(modified("acme/templates/thanks.html") == thanksBefore, "an unchanged template's page was rewritten")
        #expect(process.isRunning)
    }
}
