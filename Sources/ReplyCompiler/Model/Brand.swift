public import ReplyKit
package import ReplyKitSupport
/// A brand: its account, settings, variables and campaigns, as `brand.yaml` declares them.
public struct Brand: Sendable {
    /// The folder name, which is the brand id (`acme-air`).
    public var id: String
    /// The path of `brand.yaml`.
    public var file: String
    public var name: Located<String>?
    public var account: Account
    public var defaultLocale: Located<LocaleTag>?
    /// The locales listed in `locales`, or nil when the key is absent (the packs present count).
    public var locales: [Located<LocaleTag>]?
    public var fallbackLocale: Located<LocaleTag>?
    /// The weighted limit for replies (twitter-text v3 weights); 280 unless `max_length` says otherwise.
    public var maxLength: Int
    /// Domains (and their subdomains) that URLs in template text may use; nil when not set.
    public var allowedDomains: [Located<String>]?
    public var deepLink: DeepLinkSettings
    /// Declared variables, in file order.
    public var variables: [Variable]
    /// Names declared under `variables` whose declaration is in error (a `schema` error says why):
    /// not variables, but not undeclared either.
    public var rejectedVariables: [String] = []
    /// Declared campaigns, in file order.
    public var campaigns: [Campaign]

    public init(id: String, file: String) {
        self.id = id
        self.file = file
        self.account = Account()
        self.maxLength = 280
        self.deepLink = DeepLinkSettings()
        self.variables = []
        self.campaigns = []
    }

    public func variable(named name: String) -> Variable? { variables.named(name) }
    public func campaign(_ id: String) -> Campaign? { campaigns.first { $0.id.value == id } }

    /// The X account that replies.
    public struct Account: Sendable {
        /// The handle without `@` (1–15 of `[A-Za-z0-9_]`).
        public var handle: Located<String>?
        /// The numeric user id (1–19 digits), as text: it overflows no integer type that way.
        public var userID: Located<String>?
        /// Whether the account accepts DMs from anyone; nil when not written (which is not true).
        public var dmOpen: Located<Bool>?
        public init() {}
    }

    /// How the DM deep link is written.
    public struct DeepLinkSettings: Sendable {
        /// `twitter.com` or `x.com`.
        public var host: String = "twitter.com"
        /// What stands between the text and the link: `" "` or `"\n"`.
        public var separator: String = " "
        public init() {}
    }
}
