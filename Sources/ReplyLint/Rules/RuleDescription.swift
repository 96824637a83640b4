import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// What a rule is, for people and for the test that runs its examples.
public struct RuleDescription: Sendable {
    /// The id used in output and configuration (`over-limit`).
    public var id: String
    /// One line: what it catches.
    public var summary: String
    /// Why it matters, in a paragraph.
    public var rationale: String
    public var defaultSeverity: Severity
    /// Whether `--fix` can repair what it finds.
    public var isFixable: Bool
    /// Rules marked † in rules.md: the file could not be read or the reply could break on X.
    /// They cannot be switched off, nor reported as anything but errors.
    public var isMandatory: Bool
    /// Repositories where the rule fires, with `↓` before each position where it must report.
    public var triggeringExamples: [RuleExample]
    /// Repositories where it must stay silent.
    public var nonTriggeringExamples: [RuleExample]

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity,
                isFixable: Bool = false, isMandatory: Bool = false,
                triggeringExamples: [RuleExample] = [], nonTriggeringExamples: [RuleExample] = []) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.isFixable = isFixable
        self.isMandatory = isMandatory
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A small repository for a rule's documentation and tests: one brand, `acme`, whose `brand.yaml`
/// and packs are ``RuleExample/defaultBrand`` and ``RuleExample/defaultPack`` unless `files` replaces them.
///
/// `↓` in a file marks where a diagnostic of the rule must start (the marker itself is removed).
/// A triggering example without markers must produce at least one diagnostic anywhere.
public struct RuleExample: Sendable, Hashable {
    /// File names in the brand folder (`brand.yaml`, `en-US.yaml`) and their text.
    public var files: [String: String]
    /// What the example shows, when that is not obvious.
    public var comment: String?

    public init(_ files: [String: String], comment: String? = nil) {
        self.files = files
        self.comment = comment
    }

    /// A pack for `en-US` with `body` under `templates:` (indented by the caller, 2 spaces per level).
    public static func pack(_ templates: String, comment: String? = nil) -> RuleExample {
        RuleExample(["en-US.yaml": "locale: en-US\ntemplates:\n" + templates], comment: comment)
    }

    /// The marker that stands before an expected position.
    public static let marker: Character = "↓"

    public static let defaultBrand = """
        name: Acme Air
        account:
          handle: AcmeAirHelp
          user_id: "3805104374"
          dm_open: true
        default_locale: en-US
        variables:
          first_name:
            max_length: 20
            example: Ana
          days:
            type: number
            min: 1
            max: 30
        """

    public static let defaultPack = """
        locale: en-US
        templates:
          greeting:
            text: Hi {first_name}, thanks for reaching out.
        """

    /// The files of the example repository: defaults first, then the example's own.
    public var allFiles: [String: String] {
        var all = ["brand.yaml": Self.defaultBrand, "en-US.yaml": Self.defaultPack]
        for (name, text) in files { all[name] = text }
        return all
    }
}
