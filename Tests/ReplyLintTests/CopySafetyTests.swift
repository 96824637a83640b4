import ReplyKit
@testable import ReplyCompiler
import ReplyLint
import Testing

/// The plain-text API: what it underlines, the flags that switch rules off, and a repository's own terms.
@Suite struct CopySafetyTests {
    static func safety(_ tag: String, catalog: LocaleCatalog = .builtIn) throws -> CopySafety {
        CopySafety(locale: try #require(LocaleTag(tag)), catalog: catalog)
    }

    static func underlined(_ text: String, _ finding: CopySafetyFinding) -> String {
        String(decoding: Array(text.utf8)[finding.range], as: UTF8.self)
    }

    @Test(arguments: [
        ("en", "Sorry! Could you send us your booking reference so we can look?", CopySafetyRule.privateInfoInPublic, "booking-reference", "send us your booking reference"),
        ("en", "We'll need your date of birth to verify the account.", .privateInfoInPublic, "date-of-birth", "We'll need your date of birth"),
        ("en", "So sorry! Where should we send the replacement?", .privateInfoInPublic, "address", "Where should we send"),
        ("en", "Please call us on 0800 123 4567 and choose option 2.", .redirectOffPlatform, "redirect-phone", "call us on 0800 123 4567"),
        ("de", "Bitte nennen Sie uns Ihre ＰＩＮ.", .secretRequest, "pin", "nennen Sie uns Ihre ＰＩＮ"),
        ("ja", "注文番号を教えてください。", .privateInfoInPublic, "order-number", "注文番号を教えて"),
        // An ask must match as written; a typographic apostrophe is the same letter as `'`.
        ("fr", "Merci d’indiquer votre numéro de commande.", .privateInfoInPublic, "order-number", "Merci d’indiquer votre numéro de commande"),
        // A number in full-width digits is a number.
        ("ja", "サポート窓口：０１２０－３４５－６７８", .redirectOffPlatform, "redirect-phone", "０１２０－３４５－６７８"),
        // A question of the item's name alone.
        ("en", "So sorry about this! Your order number? We'll chase it right away.", .privateInfoInPublic, "order-number", "order number?"),
        ("ja", "ご不便をおかけしています。注文番号は？", .privateInfoInPublic, "order-number", "注文番号は？"),
        // An ask that points back to the item, in its sentence or the next.
        ("en", "The email you ordered with – drop it below and we'll dig in.", .privateInfoInPublic, "email", "email you ordered with – drop it"),
        ("en", "Got your 2FA code handy? Reply with it here.", .secretRequest, "one-time-code", "2FA code handy? Reply with it"),
        // Two clitics before a two-letter word leave too little of it: `למלא` ("to fill in") holds
        // no `לא` ("not") to cancel the ask.
        ("he", "אפשר למלא כאן את מספר ההזמנה?", .privateInfoInPublic, "order-number", "אפשר למלא כאן את מספר ההזמנה"),
        ("he", "נשמח אם תוכלו למלא את כתובת המייל שלכם כאן", .privateInfoInPublic, "email", "תוכלו למלא את כתובת המייל"),
    ])
    func findsTheAskFromItsWordToTheItem(tag: String, text: String, rule: CopySafetyRule, category: String, span: String) throws {
        let findings = try Self.safety(tag).findings(in: text, handsOffToDM: false, brandTakesDMs: true)
        let finding = try #require(findings.first { $0.rule == rule }, "\(findings)")
        #expect(finding.category == category)
        #expect(Self.underlined(text, finding) == span)
        #expect(finding.notes.contains { $0.contains(category.replacingOccurrences(of: "-", with: " ")) })
    }

    @Test(arguments: [
        "We've sent the receipt to your email address – it should land any minute!",
        "Your booking reference is on your ticket.",
        "We will never ask for your PIN or password.",
        "Please don't post your card number here.",
        "Reset your password in the app under Settings.",
        "We'll call you within the hour.",
        "No need to call us: we're on it.",
        "Your PIN is yours alone – never share it.",
        "We've texted you a code. Enter it in the app to sign in.",
        "Your new card number is ready. We'll send it by post.",
        "Your order number is on the receipt. Keep it safe.",
        "Forgot your password? You can reset it in the app.",
    ])
    func mentionsWarningsAndTheBrandActingAreNotAsks(text: String) throws {
        #expect(try Self.safety("en").findings(in: text, handsOffToDM: false, brandTakesDMs: true).isEmpty)
    }

    /// An ask pointing back with a pronoun asks for the nearest item, not for one warned about before.
    @Test(arguments: [
        ("en", "We'll never ask for your PIN. Your order number – send it over.", ["order-number"]),
        ("es", "Nunca te pediremos tu contraseña. Si tienes el número de pedido, envíanoslo.", ["order-number"]),
        ("en", "Your order number and email – send them over.", ["order-number"]),
    ])
    func aPronounAsksForTheNearestItem(tag: String, text: String, categories: [String]) throws {
        let findings = try Self.safety(tag).findings(in: text, handsOffToDM: false, brandTakesDMs: true)
        #expect(findings.map(\.category) == categories, "\(findings)")
        #expect(findings.allSatisfy { $0.rule == .privateInfoInPublic })
    }

    /// German and Russian put the negation after what it negates; `late_negation` lets it cancel.
    @Test(arguments: [
        ("de", "Bitte posten Sie Ihre Bestellnummer nicht öffentlich."),
        ("de", "Teile deine PIN bitte nie mit anderen."),
        ("ru", "Звонить на горячую линию не нужно, мы уже всё проверили."),
    ])
    func aLateNegationCancels(tag: String, text: String) throws {
        #expect(try Self.safety(tag).findings(in: text, handsOffToDM: false, brandTakesDMs: true).isEmpty)
    }

    @Test func flagsTurnOffPrivateInformationAndRedirectsButNeverSecrets() throws {
        let safety = try Self.safety("en")
        let text = "DM us your order number and PIN, or call us on 0800 123 4567."
        #expect(Set(safety.findings(in: text, handsOffToDM: false, brandTakesDMs: true).map(\.rule)) == Set(CopySafetyRule.allCases))
        #expect(safety.findings(in: text, handsOffToDM: true, brandTakesDMs: false).map(\.rule) == [.secretRequest])
    }

    @Test func aRepositoryTermIsPrivateInEveryEnglishLocale() throws {
        let text = "locale: en\ncopy_safety:\n  private:\n    loyalty-number: [Acme Skypass]\n"
        let read = LocaleDataReader.read(SourceFile(path: "locales/en.yaml", bytes: Array(text.utf8)))
        let catalog = LocaleCatalog.builtIn.overridden(by: [try #require(read.data)])
        let safety = try Self.safety("en-US", catalog: catalog)
        let asked = safety.findings(in: "What's your Acme Skypass?", handsOffToDM: false, brandTakesDMs: true)
        #expect(asked.map(\.category) == ["loyalty-number"])
        #expect(safety.findings(in: "Your Acme Skypass is on the back of your card.", handsOffToDM: false, brandTakesDMs: true).isEmpty)
        // Without the repository's file, the built-in grammar does not know it.
        #expect(try Self.safety("en-US").findings(in: "What's your Acme Skypass?", handsOffToDM: false, brandTakesDMs: true).isEmpty)
    }

    @Test func aLocaleWithoutDataFindsNothingRatherThanTrapping() throws {
        #expect(try Self.safety("tlh").findings(in: "Send us your password", handsOffToDM: false, brandTakesDMs: true).isEmpty)
    }
}
