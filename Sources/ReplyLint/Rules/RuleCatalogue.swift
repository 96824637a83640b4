import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Every rule ReplyKit knows, in the order of rules.md. `replykit rules`, `docs/rules.md` and the
/// test that runs every example all read this one list.
public struct RuleCatalogue: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule]) {
        self.rules = rules
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

    public func rule(_ id: String) -> (any Rule)? { rules.first { $0.id == id } }
}
