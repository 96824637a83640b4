import Foundation
import ReplyKit
@testable import ReplyCompiler
import ReplyLint
import Testing

/// Measures the copy-safety grammar on the labelled corpus (CopySafetyCorpus/README.md): per
/// language, rule and split, precision and recall of the rules a case expects. The grammar is
/// tuned on the `tune` split only; the `test` split guards against regressions.
@Suite struct CopySafetyCorpusTests {
    struct Case: Sendable {
        var id: String
        var language: String
        var split: String
        var dm: Bool
        var dmOpen: Bool
        var text: String
        var expect: Set<CopySafetyRule>
        var spans: [String]
    }

    /// What the grammar reaches on the test split, per language and rule, as true positives, false
    /// positives and false negatives: a precision or recall below these fails, so any regression
    /// does. docs/copy-safety.md lists the figures and what falls short of 95%.
    static let floors: [String: (truePositives: Int, falsePositives: Int, falseNegatives: Int)] = [
        "ar private-info-in-public": (13, 0, 4),
        "ar redirect-off-platform": (6, 1, 1),
        "ar secret-request": (9, 0, 1),
        "de private-info-in-public": (50, 0, 8),
        "de redirect-off-platform": (36, 1, 3),
        "de secret-request": (37, 0, 2),
        "en private-info-in-public": (59, 1, 7),
        "en redirect-off-platform": (37, 0, 2),
        "en secret-request": (33, 0, 3),
        "es private-info-in-public": (57, 2, 8),
        "es redirect-off-platform": (34, 0, 2),
        "es secret-request": (30, 1, 6),
        "fr private-info-in-public": (52, 3, 9),
        "fr redirect-off-platform": (32, 0, 5),
        "fr secret-request": (35, 1, 7),
        "he private-info-in-public": (14, 3, 4),
        "he redirect-off-platform": (7, 1, 0),
        "he secret-request": (9, 0, 3),
        "hi private-info-in-public": (17, 1, 4),
        "hi redirect-off-platform": (7, 0, 0),
        "hi secret-request": (8, 0, 0),
        "id private-info-in-public": (14, 0, 5),
        "id redirect-off-platform": (7, 0, 1),
        "id secret-request": (14, 0, 1),
        "it private-info-in-public": (61, 2, 8),
        "it redirect-off-platform": (29, 1, 1),
        "it secret-request": (27, 0, 6),
        "ja private-info-in-public": (57, 0, 8),
        "ja redirect-off-platform": (30, 1, 2),
        "ja secret-request": (36, 3, 4),
        "ko private-info-in-public": (16, 1, 2),
        "ko redirect-off-platform": (7, 1, 0),
        "ko secret-request": (11, 1, 1),
        "nl private-info-in-public": (15, 0, 4),
        "nl redirect-off-platform": (9, 0, 0),
        "nl secret-request": (5, 0, 3),
        "pl private-info-in-public": (15, 0, 3),
        "pl redirect-off-platform": (8, 0, 0),
        "pl secret-request": (11, 0, 2),
        "pt private-info-in-public": (50, 1, 13),
        "pt redirect-off-platform": (29, 1, 2),
        "pt secret-request": (33, 0, 8),
        "ru private-info-in-public": (15, 0, 1),
        "ru redirect-off-platform": (10, 1, 0),
        "ru secret-request": (8, 0, 2),
        "tr private-info-in-public": (13, 0, 3),
        "tr redirect-off-platform": (9, 0, 0),
        "tr secret-request": (10, 1, 3),
        "zh-Hans private-info-in-public": (16, 1, 3),
        "zh-Hans redirect-off-platform": (7, 2, 0),
        "zh-Hans secret-request": (10, 1, 0),
        "zh-Hant private-info-in-public": (15, 1, 3),
        "zh-Hant redirect-off-platform": (7, 0, 1),
        "zh-Hant secret-request": (9, 0, 1),
    ]

    static var corpusFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CopySafetyCorpus")
    }

    static func loadCorpus() throws -> [Case] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var cases: [Case] = []
        for name in names {
            let bytes = try Array(Data(contentsOf: corpusFolder.appendingPathComponent(name)))
            let document = try YAMLParser.document(SourceFile(path: name, bytes: bytes), limits: .default)
            let root = try #require(YAMLDocument.read(document) { $0?.node })
            let language = try #require(root["language"]?.scalar, "\(name) names its language")
            for item in root["cases"]?.items ?? [] {
                let expect = try (item["expect"]?.items ?? []).map { node in
                    try #require(node.scalar.flatMap(CopySafetyRule.init(rawValue:)), "\(name): unknown rule \(node.scalar ?? "")")
                }
                let spans = item["span"].map { $0.scalar.map { [$0] } ?? $0.items.compactMap(\.scalar) } ?? []
                cases.append(Case(id: item["id"]?.scalar ?? "?", language: language, split: item["split"]?.scalar ?? "?",
                                  dm: item["dm"]?.scalar == "true", dmOpen: item["dm_open"]?.scalar != "false",
                                  text: item["text"]?.scalar ?? "", expect: Set(expect), spans: spans))
            }
        }
        return cases
    }

    struct Tally: Sendable {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        /// True positives whose finding overlaps the expected span.
        var spanOverlaps = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    struct Key: Hashable, Comparable {
        var language: String, rule: String, split: String
        static func < (a: Key, b: Key) -> Bool { (a.split, a.language, a.rule) < (b.split, b.language, b.rule) }
    }

    @Test func grammarMeetsItsFloorsOnTheTestSplit() throws {
        let cases = try Self.loadCorpus()
        #expect(cases.count > 5_800, "the corpus has 5,884 cases")
        var grammars: [String: CopySafety] = [:]
        let catalog = try Self.tuningCatalog() ?? .builtIn
        var tallies: [Key: Tally] = [:]
        var misses: [String] = []
        for item in cases {
            let locale = try #require(LocaleTag(item.language))
            let grammar = grammars[item.language] ?? CopySafety(locale: locale, catalog: catalog)
            grammars[item.language] = grammar
            let findings = grammar.findings(in: item.text, handsOffToDM: item.dm, brandTakesDMs: item.dmOpen)
            let found = Set(findings.map(\.rule))
            let bytes = Array(item.text.utf8)
            let expectedRanges: [Range<Int>] = item.spans.compactMap { span in
                guard let range = item.text.range(of: span) else { return nil }
                let start = item.text.utf8.distance(from: item.text.startIndex, to: range.lowerBound)
                return start..<start + span.utf8.count
            }
            for rule in CopySafetyRule.allCases {
                let key = Key(language: item.language, rule: rule.rawValue, split: item.split)
                var tally = tallies[key] ?? Tally()
                switch (item.expect.contains(rule), found.contains(rule)) {
                case (true, true):
                    tally.truePositives += 1
                    if findings.contains(where: { finding in finding.rule == rule && expectedRanges.contains { finding.range.overlaps($0) } }) {
                        tally.spanOverlaps += 1
                    }
                case (false, true): tally.falsePositives += 1
                case (true, false): tally.falseNegatives += 1
                case (false, false): break
                }
                tallies[key] = tally
            }
            // Only tune cases are shown while tuning: the test split's texts stay unseen.
            if item.split == "tune", item.expect != found, ProcessInfo.processInfo.environment["COPY_SAFETY_TUNE"] != nil {
                let shown = findings.map { "\($0.rule.rawValue)[\($0.category)] «\(String(decoding: bytes[$0.range], as: UTF8.self))»" }
                misses.append("\(item.id) dm=\(item.dm) expect=\(item.expect.map(\.rawValue).sorted()) found=\(shown)\n    \(item.text)")
            }
        }
        if !misses.isEmpty, let path = ProcessInfo.processInfo.environment["COPY_SAFETY_TUNE"] {
            // A long report is written to the file that variable names; the console cuts it short.
            try (misses.joined(separator: "\n") + "\n\n" + Self.table(tallies.filter { $0.key.split == "tune" }) + "\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        // While tuning, the test split's figures stay unseen too: only the tune rows are printed,
        // and a floor that fails says so without its numbers.
        let tuning = ProcessInfo.processInfo.environment["COPY_SAFETY_TUNE"] != nil
        print(Self.table(tuning ? tallies.filter { $0.key.split == "tune" } : tallies))
        for (key, tally) in tallies where key.split == "test" {
            let floor = try #require(Self.floors["\(key.language) \(key.rule)"], "no floor for \(key.language) \(key.rule)")
            let reached = Tally(truePositives: floor.truePositives, falsePositives: floor.falsePositives, falseNegatives: floor.falseNegatives)
            let figures = { (name: String, now: Double, floor: Double) in tuning ? "\(name) below its floor" : "\(name) \(now) below \(floor)" }
            #expect(tally.precision >= reached.precision, "\(key.language) \(key.rule): \(figures("precision", tally.precision, reached.precision))")
            #expect(tally.recall >= reached.recall, "\(key.language) \(key.rule): \(figures("recall", tally.recall, reached.recall))")
        }
    }

    /// While tuning, `COPY_SAFETY_LOCALES=locales` reads the grammar from that folder's files instead
    /// of the built-in copy, so an edit is measured without re-embedding and rebuilding.
    static func tuningCatalog() throws -> LocaleCatalog? {
        guard let folder = ProcessInfo.processInfo.environment["COPY_SAFETY_LOCALES"] else { return nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        let files = try names.map { name in
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)))
            let read = LocaleDataReader.read(SourceFile(path: name, bytes: bytes))
            return try #require(read.data, "\(name) does not read: \(read.diagnostics.map(\.message))")
        }
        return LocaleCatalog(files)
    }

    /// Language × rule × split: precision, recall and counts, then each split's totals per rule.
    static func table(_ tallies: [Key: Tally]) -> String {
        func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
        var lines = ["split  language  rule                     precision  recall   tp  fp  fn  span-overlap"]
        var totals: [Key: Tally] = [:]
        for (key, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            lines.append("\(key.split.padding(toLength: 6, withPad: " ", startingAt: 0)) \(key.language.padding(toLength: 9, withPad: " ", startingAt: 0)) \(key.rule.padding(toLength: 24, withPad: " ", startingAt: 0)) \(percent(tally.precision))     \(percent(tally.recall))  \(String(format: "%3d %3d %3d", tally.truePositives, tally.falsePositives, tally.falseNegatives))  \(tally.spanOverlaps)")
            let total = Key(language: "all", rule: key.rule, split: key.split)
            var sum = totals[total] ?? Tally()
            sum.truePositives += tally.truePositives
            sum.falsePositives += tally.falsePositives
            sum.falseNegatives += tally.falseNegatives
            sum.spanOverlaps += tally.spanOverlaps
            totals[total] = sum
        }
        for (key, tally) in totals.sorted(by: { $0.key < $1.key }) {
            lines.append("\(key.split.padding(toLength: 6, withPad: " ", startingAt: 0)) all       \(key.rule.padding(toLength: 24, withPad: " ", startingAt: 0)) \(percent(tally.precision))     \(percent(tally.recall))  \(String(format: "%3d %3d %3d", tally.truePositives, tally.falsePositives, tally.falseNegatives))  \(tally.spanOverlaps)")
        }
        return lines.joined(separator: "\n")
    }
}

private extension YAMLNode {
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }

    var items: [YAMLNode] {
        if case .sequence(let items) = content { return items }
        return []
    }
}
