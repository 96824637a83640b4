import Benchmark
import ReplyCompiler
import ReplyLint
import RepositoryGenerator
import YAMLBaseline

/// `replykit lint --format json` on a generated repository of 100,000 templates (200 brands × 10
/// locales × 50 templates), every rule on (its replykit.yaml switches `near-limit` on), against
/// libyaml's own parsing of the same files in the same run.
let benchmarks: @Sendable () -> Void = {
    // Fifteen runs each: this machine's timings swing by a fifth from minute to minute, and the
    // fastest and median of more runs say more than those of five.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(120),
        maxIterations: 15
    )
    let root = try! RepositoryGenerator.repository(brands: 200, locales: 10, templates: 50)
    let files = RepositoryGenerator.yamlFiles(in: root)

    Benchmark("libyaml event parse, 100k templates (1 core)") { _ in
        blackHole(LibYAML.countEvents(inFiles: files)!)
    }

    // The clock stops before the outcome (and the repository in it) is freed: `replykit lint` ends
    // the process once the report is written, without freeing them.
    Benchmark("replykit lint, 100k templates, json report (all cores)") { benchmark in
        var options = LintRun.Options()
        options.paths = [root]
        options.format = .json
        let outcome = LintRun(options: options).run()
        benchmark.stopMeasurement()
        precondition(outcome.exitCode == 0 && outcome.result?.repository.templateCount == 100_000, outcome.stderr)
        blackHole(outcome.stdout)
    }
}
