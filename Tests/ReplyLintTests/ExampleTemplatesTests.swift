import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport
import ReplyLint
import Testing

/// The example packs in templates/ are what `make demo` lints: they must lint clean today and in
/// years to come, so no campaign of theirs may have a window that runs out.
@Suite struct ExampleTemplatesTests {
    static let templates = TestSupport.packageRoot.appendingPathComponent("templates").path
    static let year: TimeInterval = 365.25 * 86_400

    @Test(arguments: [0, 1, 5, 30])
    func lintCleanYearsFromNow(_ years: Int) throws {
        let then = Date().addingTimeInterval(Double(years) * Self.year)
        let outcome = TestSupport.lint([Self.templates]) { $0.now = then }
        let diagnostics = try #require(outcome.result?.diagnostics)
        #expect(!diagnostics.contains { $0.rule == "campaign-window" }, "\(diagnostics.map(\.message))")
        #expect(diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(diagnostics.map { "\($0.rule): \($0.message)" })")
        #expect(outcome.exitCode == 0)
    }

    /// The examples still show what campaigns are for: an approved one that renders, and others
    /// that do not.
    @Test func examplesHaveCampaignsOfEveryStatus() throws {
        let repository = RepositoryLoader().load(templatesDirectory: Self.templates)
        let campaigns = repository.brands.compactMap(\.brand).flatMap(\.campaigns)
        #expect(Set(campaigns.compactMap(\.status?.value)) == Set(Campaign.Status.allCases))
        let open = campaigns.filter { $0.isOpen(at: Date().addingTimeInterval(5 * Self.year).timeIntervalSince1970) }
        #expect(!open.isEmpty, "no example campaign is open in five years")
    }

    /// The clock lint is given decides which windows have ended.
    @Test(arguments: [("2030-06-01T00:00:00Z", false), ("2031-06-01T00:00:00Z", true)])
    func campaignWindowReadsTheGivenTime(_ at: String, _ ended: Bool) throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let brand = RuleExample.defaultBrand + "\ncampaigns:\n  spring:\n    status: approved\n    starts: 2030-03-01\n    ends: 2030-12-31\n"
        let pack = RuleExample.defaultPack + "\ncampaigns:\n  spring:\n    promo:\n      text: Spring is here\n"
        try TestSupport.write(["templates/acme/brand.yaml": Array(brand.utf8), "templates/acme/en-US.yaml": Array(pack.utf8)],
                              under: root)
        let then = try #require(ISODate.parse(at))
        let outcome = TestSupport.lint([root.path]) { $0.now = Date(timeIntervalSince1970: then) }
        let found = try #require(outcome.result?.diagnostics).filter { $0.rule == "campaign-window" }
        #expect(found.count == (ended ? 1 : 0), "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.severity == .warning && $0.message.contains("window has ended") })
    }
}
