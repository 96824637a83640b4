import Benchmark
import Foundation
import ReplyKit
import RepositoryGenerator

/// Rendering a three-variable DM template (checks included), and loading a compiled bundle against
/// loading the same packs from YAML.
let benchmarks: @Sendable () -> Void = {
    // The package's own examples: acme-air/rebooked has first_name (text), flight (text with a
    // pattern) and cabin (choice), a select, and a DM handoff with a prefill.
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    let library = try! ReplyLibrary(contentsOf: examples)
    let values: [String: ReplyValue] = ["first_name": "Ana", "flight": "AC1234", "cabin": "business"]
    precondition((try? library.render("acme-air/rebooked", locale: "es-MX", values: values)) != nil)

    Benchmark("render a three-variable DM template (1 core)",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
                                   maxDuration: .seconds(5))) { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try! library.render("acme-air/rebooked", locale: "es-MX", values: values, key: String(i)))
        }
    }

    // 20 brands × 10 locales × 50 templates: 10,000 templates.
    let root = try! RepositoryGenerator.repository(brands: 20, locales: 10, templates: 50)
    let templates = root + "/templates"
    let bundlePath = root + "/bundle.json"
    let fromYAML = try! ReplyLibrary(contentsOf: templates)
    try! Data(ReplyBundle.encode(fromYAML, generator: "benchmark").serialized().utf8).write(to: URL(fileURLWithPath: bundlePath))

    let loading = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 10)
    Benchmark("load 10k templates from YAML packs", configuration: loading) { _ in
        blackHole(try! ReplyLibrary(contentsOf: templates))
    }
    Benchmark("load 10k templates from a compiled bundle", configuration: loading) { _ in
        blackHole(try! ReplyLibrary(contentsOf: bundlePath))
    }
}
