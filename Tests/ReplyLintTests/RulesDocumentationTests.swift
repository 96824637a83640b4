import Foundation
import ReplyLint
@testable import ReplyCompiler
@testable import ReplyKitSupport
import Testing

/// `docs/rules.md` is generated from the catalogue: it fails here when it is out of date
/// (`UPDATE_GOLDEN=1 swift test` rewrites it).
@Suite struct RulesDocumentationTests {
    @Test func docsRulesIsUpToDate() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("docs/rules.md")
        let generated = RuleCatalogue.standard.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(generated.utf8).write(to: url)
        }
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == generated, "docs/rules.md is out of date: run UPDATE_GOLDEN=1 swift test")
    }

    @Test func listingAndExplanationsCoverEveryRule() {
        let listing = RuleCatalogue.standard.listing()
        for rule in RuleCatalogue.standard.rules {
            #expect(listing.contains(rule.id))
            let explanation = RuleCatalogue.standard.explanation(of: rule.id) ?? ""
            #expect(explanation.contains(rule.description.rationale.prefix(40)))
        }
        #expect(RuleCatalogue.standard.explanation(of: "no-such-rule") == nil)
    }
}
