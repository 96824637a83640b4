import ReplyKit
import ReplyCompiler
import ReplyKitSupport

extension Fixer {
    /// What `--fix` would make of one pack's bytes, found in memory without writing anything.
    package struct BufferFix: Sendable {
        /// The bytes with every fix that passed the checks applied (the bytes as given with `rounds: 0`).
        package var bytes: [UInt8]
        package var applied: Int
        /// The findings whose fix `--fix` refuses, where they are in `bytes`.
        package var withheld: [WithheldFix]
    }

    /// Fixes the pack `path` held in `bytes` as `replykit lint --fix` fixes a file, with the same
    /// checks. `maxRounds: 0` applies nothing and reports which findings of the bytes as given would
    /// be refused.
    package static func fix(bytes: [UInt8], path: String, brand: Brand, brandID: String, fileLocale: LocaleTag?,
                            catalogue: RuleCatalogue, configuration: LintConfiguration, limits: YAMLLimits,
                            maxRounds: Int = Fixer.maxRounds) -> BufferFix {
        let rules = catalogue.rules.compactMap { $0 as? any TextFixingRule }
            .filter { configuration.severity(of: $0.description) != .off }
        let fixer = PackFixer(path: path, brand: brand, brandID: brandID, fileLocale: fileLocale, rules: rules,
                              loader: RepositoryLoader(limits: limits, parallel: false), maxRounds: maxRounds)
        let result = fixer.run(bytes)
        return BufferFix(bytes: result.bytes, applied: result.applied, withheld: result.withheld.map {
            WithheldFix(file: path, rule: $0.rule, range: $0.range, reason: $0.refusal.consequence, help: $0.refusal.help)
        })
    }
}
