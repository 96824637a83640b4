import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Every rule ReplyKit knows, in the order of rules.md. `replykit rules`, `docs/rules.md` and the
/// test that runs every example all read this one list.
public struct RuleCatalogue: Sendable {
    public let rules: [any Rule]
    /// Each rule's place in ``rules`` by its id: a rule's id is read from its description, which
    /// is too dear to build for every finding a check or a lint run looks up.
    private let indexByID: [String: Int]

    public init(rules: [any Rule]) {
        self.rules = rules
        // The first of two rules with one id wins, as a search of the list would find it.
        indexByID = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let standard = RuleCatalogue(rules: [
        YAMLSyntaxRule(),
        SchemaRule(),
        DuplicateKeyRule(),
        TemplateSyntaxRule(),
        LocaleDataRule(),
        UnknownReferenceRule(),
        UndeclaredVariableRule(),
        VariableTypeRule(),
        UnusedVariableRule(),
        InvalidExampleRule(),
        OverLimitRule(),
        NearLimitRule(),
        DeepLinkInTextRule(),
        DMClosedRule(),
        MissingUserIDRule(),
        PrefillTooLongRule(),
        PrivateInfoInPublicRule(),
        SecretRequestRule(),
        RedirectOffPlatformRule(),
        DMWithoutFollowUpRule(),
        FollowUpCycleRule(),
        MentionInTemplateRule(),
        URLNotAllowedRule(),
        PlaceholderJoinsEntityRule(),
        TooManyHashtagsRule(),
        MissingTranslationRule(),
        ObsoleteTranslationRule(),
        VariableMismatchRule(),
        DMMismatchRule(),
        PluralCategoriesRule(),
        UntranslatedRule(),
        EmptyTextRule(),
        InvisibleCharacterRule(),
        NotNFCRule(),
        WhitespaceRule(),
        ShoutingRule(),
        ExclamationRule(),
        DuplicateTextRule(),
        TextCommentRule(),
        CampaignWindowRule(),
        CampaignEmptyRule(),
    ])

    /// The rule with `id`, if the catalogue has one.
    public func rule(_ id: String) -> (any Rule)? { indexByID[id].map { rules[$0] } }
}
