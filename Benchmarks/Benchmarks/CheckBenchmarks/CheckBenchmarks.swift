import Benchmark
import Foundation
import ReplyCompiler
import ReplyKit
import ReplyLint
import RepositoryGenerator

/// `replykit check`'s work on finished replies: the generated repository's templates rendered in
/// every locale with their variables' examples (DM hand-offs with their deep links), each checked
/// for its brand and locale, one after another on one core.
let benchmarks: @Sendable () -> Void = {
    let templates = try! RepositoryGenerator.repository(brands: 20, locales: 10, templates: 50) + "/templates"
    let library = try! ReplyLibrary(contentsOf: templates)
    let checker = try! ReplyChecker(library: library)
    var replies: [(text: String, brand: String, locale: String)] = []
    for id in library.templateIDs {
        let values = library.examples(for: id).mapValues { ReplyValue.text($0) }
        let brand = String(id.prefix { $0 != "/" })
        for locale in RepositoryGenerator.locales {
            guard let reply = try? library.render(id, locale: locale, values: values, key: "1790000000000000001"),
                  reply.locale.canonical == locale else { continue }
            replies.append((reply.text, brand, locale))
        }
    }
    precondition(replies.count > 1_000, "the repository renders \(replies.count) replies")
    let findings = replies.reduce(0) { count, reply in
        count + (try! checker.check(reply.text, brand: reply.brand, locale: reply.locale)).diagnostics.count
    }
    print("checking \(replies.count) rendered replies (\(findings) findings among them)")

    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
                                                maxDuration: .seconds(5))
    Benchmark("check a rendered reply for its brand and locale (1 core)", configuration: configuration) { benchmark in
        for i in benchmark.scaledIterations {
            let reply = replies[i % replies.count]
            blackHole(try! checker.check(reply.text, brand: reply.brand, locale: reply.locale))
        }
    }
}
