import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// How a lint run is configured: `replykit.yaml`, then `--rule` flags on top.
public struct LintConfiguration: Sendable {
    /// A rule's configured severity and options.
    public struct RuleSetting: Sendable {
        public var severity: Severity?
        /// Options other than `severity` (`margin: 10`, `allow: [NASA]`), as written.
        public var options: [String: YAMLNode]
        public var range: SourceRange?

        public init(severity: Severity? = nil, options: [String: YAMLNode] = [:], range: SourceRange? = nil) {
            self.severity = severity
            self.options = options
            self.range = range
        }
    }

    /// The file it was read from, if any.
    public var file: String?
    /// Where the brand folders are, resolved against the configuration file's folder.
    public var templatesDirectory: String?
    /// Extra locale data, resolved against the configuration file's folder.
    public var localesDirectory: String?
    public var rules: [String: RuleSetting]

    public init() {
        rules = [:]
    }

    /// The severity `rule` reports at under this configuration.
    public func severity(of rule: RuleDescription) -> Severity {
        rules[rule.id]?.severity ?? rule.defaultSeverity
    }

    /// An option of a rule, as written in `replykit.yaml`.
    public func option(_ name: String, of rule: String) -> YAMLNode? {
        rules[rule]?.options[name]
    }
}

/// A configuration that cannot be used: the command stops with exit code 2.
public struct ConfigurationError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var source: SourceFile?
}

extension LintConfiguration {
    /// Reads `replykit.yaml` at `path`. Unknown keys, unknown rule ids, bad severities and attempts to
    /// switch off a mandatory rule are errors.
    public static func load(path: String, catalogue: RuleCatalogue = .standard) throws(ConfigurationError) -> LintConfiguration {
        let source: SourceFile
        switch ReplyKitSupport.FileContents.read(path) {
        case .success(let bytes): source = SourceFile(path: path, bytes: bytes)
        case .failure(let error):
            throw ConfigurationError(diagnostics: [Diagnostic(rule: "config", severity: .error, message: error.message, file: path)])
        }
        var configuration = LintConfiguration()
        configuration.file = path
        var problems: [Diagnostic] = []
        func report(_ message: String, _ range: SourceRange?, help: String? = nil) {
            problems.append(Diagnostic(rule: "config", severity: .error, message: message, file: path, range: range, help: help))
        }
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(source.bytes)
        } catch {
            throw ConfigurationError(diagnostics: [Diagnostic(rule: "config", severity: .error, message: error.message,
                                                              file: path, range: SourceRange(at: error.location))],
                                     source: source)
        }
        let base = PathText.parent(path)
        guard let root, !root.isNull else { return configuration }
        guard let pairs = root.mapping else {
            throw ConfigurationError(diagnostics: [Diagnostic(rule: "config", severity: .error,
                message: "replykit.yaml must be a mapping", file: path, range: root.range)], source: source)
        }
        // The keys of LintConfiguration+Schema.swift, which `replykit schema config` prints.
        let keys = Key.allCases.map(\.rawValue)
        for pair in pairs {
            guard let key = pair.key.scalar else { report("keys must be strings", pair.key.range); continue }
            switch Key(rawValue: key) {
            case .templates, .locales:
                guard let value = pair.value.scalar, !pair.value.isNull else {
                    report("`\(key)` must be a folder path", pair.value.range)
                    continue
                }
                let resolved = value.hasPrefix("/") ? value : PathText.join(base, value)
                if key == "templates" { configuration.templatesDirectory = resolved } else { configuration.localesDirectory = resolved }
            case .rules:
                if pair.value.isNull { continue }
                guard let rules = pair.value.mapping else { report("`rules` must be a mapping of rule ids", pair.value.range); continue }
                for rule in rules {
                    guard let id = rule.key.scalar else { continue }
                    guard let description = catalogue.rule(id)?.description else {
                        report("unknown rule `\(id)`", rule.key.range,
                               help: DidYouMean.help(for: id, among: catalogue.rules.map(\.id)) ?? "`replykit rules` lists them")
                        continue
                    }
                    var setting = RuleSetting(range: rule.value.range)
                    if let text = rule.value.scalar {
                        setting.severity = Severity(rawValue: text)
                        if setting.severity == nil {
                            report("`\(text)` is not a severity", rule.value.range, help: "use error, warning, info or off")
                            continue
                        }
                    } else if let options = rule.value.mapping {
                        for option in options {
                            guard let name = option.key.scalar else { continue }
                            if name == "severity" {
                                setting.severity = option.value.scalar.flatMap(Severity.init(rawValue:))
                                if setting.severity == nil {
                                    report("`severity` must be error, warning, info or off", option.value.range)
                                }
                            } else {
                                setting.options[name] = option.value
                            }
                        }
                    } else {
                        report("rule `\(id)` must be a severity or a mapping", rule.value.range)
                        continue
                    }
                    if let severity = setting.severity, let refusal = description.refusal(of: severity) {
                        report(refusal, rule.value.range)
                        continue
                    }
                    configuration.rules[id] = setting
                }
            case nil:
                report("unknown key `\(key)` in replykit.yaml", pair.key.range, help: DidYouMean.help(for: key, among: keys))
            }
        }
        if !problems.isEmpty { throw ConfigurationError(diagnostics: problems, source: source) }
        return configuration
    }

    /// Applies `--rule ID=SEVERITY`; returns the reason when it cannot.
    public mutating func override(_ argument: String, catalogue: RuleCatalogue = .standard) -> String? {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "`--rule \(argument)`: expected ID=SEVERITY" }
        guard let rule = catalogue.rule(parts[0]) else {
            let help = DidYouMean.help(for: parts[0], among: catalogue.rules.map(\.id)).map { " (\($0))" } ?? ""
            return "`--rule \(argument)`: unknown rule `\(parts[0])`\(help)"
        }
        guard let severity = Severity(rawValue: parts[1]) else {
            return "`--rule \(argument)`: `\(parts[1])` is not a severity (error, warning, info, off)"
        }
        if let refusal = rule.description.refusal(of: severity) { return "`--rule \(argument)`: \(refusal)" }
        rules[parts[0], default: RuleSetting()].severity = severity
        return nil
    }
}

extension RuleDescription {
    /// Why `severity` cannot be configured for this rule, if it cannot.
    func refusal(of severity: Severity) -> String? {
        guard isMandatory, severity != .error else { return nil }
        return "rule `\(id)` cannot be switched off or lowered: \(severity == .off ? "it guards" : "it always reports as an error, for it guards") files that cannot be read or replies that would break on X"
    }
}
