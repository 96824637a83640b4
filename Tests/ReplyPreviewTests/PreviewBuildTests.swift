import Foundation
import Testing
import ReplyLint
import ReplyCompiler
@testable import ReplyPreview

@Suite struct PreviewBuildTests {
    private func build(_ scratch: ScratchRepository) -> PreviewBuild.Outcome {
        var options = PreviewBuild.Options(output: scratch.output)
        options.path = scratch.templates
        return PreviewBuild(options: options).run()
    }

    @Test func packTextCannotInjectMarkup() throws {
        let scratch = try ScratchRepository()
        defer { scratch.remove() }
        let hostile = #"<img src=x onerror=alert(1)>"#
        try scratch.write("templates/acme/brand.yaml", ScratchRepository.brand.replacingOccurrences(
            of: "name: Acme", with: "name: \"Acme </title><script>alert(2)</script>\""))
        try scratch.write("templates/acme/en-US.yaml", """
            locale: en-US
            templates:
              greeting:
                text: "Hi {first_name} \(hostile) \\"quoted\\" & 'single'"
                description: "</dd><script>alert(3)</script>"

            """)
        let outcome = build(scratch)
        #expect(outcome.exitCode != 2, "\(outcome.message)")
        let pages = ["index.html", "acme/index.html", "acme/templates/greeting.html"].map(scratch.page)
        for page in pages {
            #expect(!page.isEmpty)
            #expect(!page.contains(hostile))
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("</title><script>"))
        }
        #expect(pages[2].contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(pages[2].contains("&amp;lt;") == false)
        // The only script anywhere is the site's own, on the brand index.
        #expect(pages[1].components(separatedBy: "<script").count == 2)
        #expect(pages[2].components(separatedBy: "<script").count == 1)
    }

    @Test func rewritesOnlyThePagesWhoseInputsChanged() throws {
        let scratch = try ScratchRepository()
        defer { scratch.remove() }
        try scratch.write("templates/acme/brand.yaml", ScratchRepository.brand)
        let pack = """
            locale: en-US
            templates:
              hello:
                text: Hello {first_name}, how can we help?
              thanks:
                text: Thanks {first_name}!

            """
        try scratch.write("templates/acme/en-US.yaml", pack)
        let first = build(scratch)
        #expect(first.exitCode == 0, "\(first.message)")
        #expect(Set(first.written).isSuperset(of: ["index.html", "acme/index.html", "acme/templates/hello.html",
                                                   "acme/templates/thanks.html", "assets/preview.css"]))
        let again = build(scratch)
        #expect(again.written.isEmpty, "nothing changed, yet \(again.written) were written")

        let thanksBefore = scratch.modified("acme/templates/thanks.html")
        try scratch.write("templates/acme/en-US.yaml", pack.replacingOccurrences(of: "how can we help?", with: "what can we do?"))
        let changed = build(scratch)
        #expect(changed.written.contains("acme/templates/hello.html"))
        #expect(!changed.written.contains("acme/templates/thanks.html"))
        #expect(!changed.written.contains("assets/preview.css"))
        #expect(scratch.modified("acme/templates/thanks.html") == thanksBefore)
        #expect(scratch.page("acme/templates/hello.html").contains("what can we do?"))

        try scratch.write("templates/acme/en-US.yaml", """
            locale: en-US
            templates:
              hello:
                text: Hello {first_name}, what can we do?

            """)
        let removed = build(scratch)
        #expect(removed.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.output + "/acme/templates/thanks.html"))
    }

    @Test func lintErrorsExitOneWithTheSiteWritten() throws {
        let scratch = try ScratchRepository()
        defer { scratch.remove() }
        try scratch.write("templates/acme/brand.yaml", ScratchRepository.brand)
        try scratch.write("templates/acme/en-US.yaml", """
            locale: en-US
            templates:
              broken:
                text: Hello {first_name, plural, one {x}}

            """)
        let outcome = build(scratch)
        #expect(outcome.exitCode == 1, "\(outcome.message)")
        let page = scratch.page("acme/templates/broken.html")
        #expect(page.contains("sev-error"))
        #expect(page.contains("Cannot render with the example values"))
    }

    @Test func aMissingPathCannotBuild() throws {
        var options = PreviewBuild.Options(output: FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID())").path)
        options.path = "/nonexistent/templates-\(UUID())"
        let outcome = PreviewBuild(options: options).run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.message.hasPrefix("error: "))
    }

    /// The worst-case ring of every card is lint's worst case of that variant (and the largest over
    /// variants is what `lint --format json` reports).
    @Test func worstCaseRingsAreLintsWorstCases() throws {
        let scratch = try ScratchRepository()
        defer { scratch.remove() }
        try scratch.write("templates/acme/brand.yaml", ScratchRepository.brand)
        try scratch.write("templates/acme/en-US.yaml", """
            locale: en-US
            templates:
              late:
                text: "Sorry {first_name}, it takes {days, plural, one {# more day} other {# more days}}."
                dm:
                  prefill: "Order for {first_name}: "

            """)
        let outcome = build(scratch)
        #expect(outcome.exitCode == 0, "\(outcome.message)")
        let repository = RepositoryLoader().load(templatesDirectory: scratch.templates)
        let worst = try #require(repository.analyses.first?.maxWeightedLength)
        let page = scratch.page("acme/templates/late.html")
        #expect(page.contains("<span class=\"ring-figure\" aria-hidden=\"true\">\(worst)</span>"))
        // Example: "Sorry Ana, it takes 3 more days." + " " + the link (23).
        let example = "Sorry Ana, it takes 3 more days.".count + 1 + 23
        #expect(page.contains("<span class=\"ring-figure\" aria-hidden=\"true\">\(example)</span>"))
        #expect(page.contains("Send a private message"))
        #expect(page.contains("Order for Ana: "))
        #expect(!page.contains("messages/compose"), "the deep link is hidden, as X hides it")
    }
}
