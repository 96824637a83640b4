import Benchmark
import Foundation
import ReplyCompiler
import ReplyKit
import RepositoryGenerator

/// Rendering a three-variable DM template (checks included) with ASCII and with non-ASCII values, and
/// loading a compiled bundle against loading the same packs from YAML.
let benchmarks: @Sendable () -> Void = {
    let library = try! ReplyLibrary(contentsOf: try! RenderFixture.write())
    let ascii: [String: ReplyValue] = ["first_name": "Ana", "flight": "AC1234", "cabin": "business"]
    // Accents, CJK and an emoji: the value is normalised and counted, not copied.
    let nonASCII: [String: ReplyValue] = ["first_name": "Zoë 美咲 🎉", "flight": "AC1234", "cabin": "business"]
    for values in [ascii, nonASCII] {
        precondition((try? library.render(RenderFixture.template, values: values)) != nil)
    }
    let rendering = Benchmark.Configuration(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
                                            maxDuration: .seconds(5))
    Benchmark("render a three-variable DM template, ASCII values (1 core)", configuration: rendering) { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try! library.render(RenderFixture.template, values: ascii, key: String(i)))
        }
    }
    Benchmark("render a three-variable DM template, non-ASCII values (1 core)", configuration: rendering) { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(try! library.render(RenderFixture.template, values: nonASCII, key: String(i)))
        }
    }

    let loading = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
                                          maxDuration: .seconds(20), maxIterations: 10)
    for (label, brands) in [("10k", 20), ("100k", 200)] {
        let root = try! RepositoryGenerator.repository(brands: brands, locales: 10, templates: 50)
        let templates = root + "/templates"
        let bundle = root + "/bundle.json"
        if !FileManager.default.fileExists(atPath: bundle) {
            let fromYAML = try! ReplyLibrary(contentsOf: templates)
            try! Data(ReplyBundle.encode(fromYAML, generator: "benchmark").utf8).write(to: URL(fileURLWithPath: bundle))
        }
        Benchmark("load \(label) templates from YAML packs", configuration: loading) { _ in
            blackHole(try! ReplyLibrary(contentsOf: templates))
        }
        Benchmark("load \(label) templates from a compiled bundle", configuration: loading) { _ in
            blackHole(try! ReplyLibrary(bundleAt: bundle))
        }
    }
}

/// One brand with the package's `acme-air/rebooked` template (es-MX): a text variable without a
/// pattern, so that a value may hold any script and emoji, a patterned one, a choice with a select,
/// and a DM hand-off with a prefill.
enum RenderFixture {
    static let template = "bench-air/rebooked"

    static func write() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-bench-render/templates/bench-air")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(brand.utf8).write(to: folder.appendingPathComponent("brand.yaml"))
        try Data(pack.utf8).write(to: folder.appendingPathComponent("es-MX.yaml"))
        return folder.deletingLastPathComponent().path
    }

    static let brand = """
        name: Bench Air
        account:
          handle: BenchAirHelp
          user_id: "3805104374"
          dm_open: true
        default_locale: es-MX
        variables:
          first_name:
            max_length: 20
          flight:
            max_length: 7
            pattern: "[A-Z]{2}[0-9]{1,5}"
          cabin:
            type: choice
            values: [economy, business, first]

        """

    static let pack = """
        locale: es-MX
        templates:
          rebooked:
            text: "{first_name}, te reubicamos en el vuelo {flight} en {cabin, select, first {primera clase} business {clase ejecutiva} other {clase turista}}. ¿Dudas? Escríbenos por DM."
            dm:
              prefill: "Vuelo {flight}: "
            follow_up: dm-nudge
          dm-nudge:
            text: ¿Sigues ahí, {first_name}? Te esperamos por DM cuando quieras.

        """
}
