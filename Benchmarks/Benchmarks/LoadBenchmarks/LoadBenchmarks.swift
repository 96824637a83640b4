import Benchmark
import ReplyCompiler
import ReplyKit
import RepositoryGenerator
import YAMLBaseline

/// Loading a generated repository of 100,000 templates (200 brands × 10 locales × 50 templates)
/// into the source-mapped model, against libyaml's own event parsing of the same files.
let benchmarks: @Sendable () -> Void = {
    // Fifteen runs each: this machine's timings swing by a fifth from minute to minute, and the
    // fastest and median of more runs say more than those of five.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(30),
        maxIterations: 15
    )
    let root = try! RepositoryGenerator.repository(brands: 200, locales: 10, templates: 50)
    let templates = root + "/templates"
    let files = RepositoryGenerator.yamlFiles(in: root)

    Benchmark("libyaml event parse, 100k templates (1 core)") { _ in
        blackHole(LibYAML.countEvents(inFiles: files)!)
    }

    // The clock stops before the repository is freed: freeing the model is not loading it, and
    // `replykit lint` exits without freeing it.
    Benchmark("load into the model, 100k templates (1 core)") { benchmark in
        let repository = RepositoryLoader(parallel: false).load(templatesDirectory: templates)
        benchmark.stopMeasurement()
        precondition(repository.templateCount == 100_000 && repository.diagnostics.isEmpty)
        blackHole(repository)
    }

    Benchmark("load into the model, 100k templates (all cores)") { benchmark in
        let repository = RepositoryLoader().load(templatesDirectory: templates)
        benchmark.stopMeasurement()
        blackHole(repository)
    }
}
