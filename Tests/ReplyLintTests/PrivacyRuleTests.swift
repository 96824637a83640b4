import Foundation
import ReplyKit
@testable import ReplyKitSupport
import ReplyLint
import Testing
import ReplyCompiler

/// Realistic copy in many languages for the privacy rules: each case is a template in a pack of its
/// locale, and must make its rule fire on the expected term (or stay silent).
@Suite struct PrivacyRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var locale: String
        var text: String
        var dm = false
        var prefill: String?
        /// The term the rule must report; nil when it must stay silent.
        var term: String?
        var testDescription: String { "\(locale): \(text)" }
    }

    static let privateInfo: [Case] = [
        Case(locale: "en-US", text: "Please reply with your email address so we can check.", term: "email address"),
        Case(locale: "en-US", text: "What's your order number? We'll look into it.", term: "order number"),
        Case(locale: "en-US", text: "Can you share your phone number with us here?", term: "phone number"),
        Case(locale: "en-GB", text: "Could you tell us your postcode so we can find the parcel?", term: "postcode"),
        Case(locale: "es-MX", text: "Compártenos tu número de pedido y lo revisamos.", term: "número de pedido"),
        Case(locale: "es-ES", text: "¿Nos dices tu teléfono para llamarte?", term: "teléfono"),
        Case(locale: "fr-FR", text: "Pouvez-vous nous indiquer votre numéro de commande ?", term: "numéro de commande"),
        Case(locale: "de-DE", text: "Bitte schicken Sie uns Ihre Bestellnummer.", term: "Bestellnummer"),
        Case(locale: "pt-BR", text: "Qual é o seu e-mail cadastrado?", term: "e-mail"),
        Case(locale: "ja-JP", text: "注文番号を教えていただけますか。", term: "注文番号"),
        Case(locale: "zh-Hans", text: "请回复您的订单号。", term: "订单号"),
        Case(locale: "ar", text: "يرجى إرسال رقم الطلب هنا.", term: "رقم الطلب"),
        Case(locale: "ko-KR", text: "주문 번호를 알려주세요.", term: "주문 번호"),
        Case(locale: "ru", text: "Напишите, пожалуйста, номер заказа.", term: "номер заказа"),
        Case(locale: "it-IT", text: "Ci scrivi il tuo numero d'ordine?", term: "numero d'ordine"),
        Case(locale: "hi-IN", text: "कृपया अपना ऑर्डर नंबर बताएं।", term: "ऑर्डर नंबर"),
        Case(locale: "id", text: "Boleh kirim nomor pesanan kamu di sini?", term: "nomor pesanan"),
        Case(locale: "nl-NL", text: "Stuur ons je bestelnummer, dan zoeken we het uit.", term: "bestelnummer"),
        Case(locale: "pl", text: "Podaj nam numer zamówienia.", term: "numer zamówienia"),
        Case(locale: "tr", text: "Sipariş numarası nedir?", term: "sipariş numara"),
        Case(locale: "en-US", text: "Reply with the Email Address on your booking.", term: "email address"),
        // Silent: handed off to DM, or nothing private asked.
        Case(locale: "en-US", text: "DM us your order number and we'll check on it.", dm: true),
        Case(locale: "es-MX", text: "Envíanos por mensaje privado tu número de pedido.", dm: true),
        Case(locale: "ja-JP", text: "注文番号をDMでお送りください。", dm: true),
        Case(locale: "en-US", text: "Thanks for your patience, {first_name}!"),
        Case(locale: "en-US", text: "Your refund is on its way and should arrive soon."),
        Case(locale: "en-US", text: "We've moved our help page to a new address."),
        Case(locale: "fr-FR", text: "Merci pour votre patience !"),
        Case(locale: "de-DE", text: "Wir melden uns in Kürze bei Ihnen."),
        Case(locale: "ar", text: "شكرًا لصبرك، سنعود إليك قريبًا."),
        Case(locale: "ko-KR", text: "기다려 주셔서 감사합니다."),
    ]

    static let secrets: [Case] = [
        Case(locale: "en-US", text: "Send us your password and we'll reset it.", dm: true, term: "password"),
        Case(locale: "en-US", text: "What's the CVV on the back of your card?", term: "CVV"),
        Case(locale: "en-US", text: "Reply with the one-time code we just texted you.", term: "one-time code"),
        Case(locale: "en-US", text: "Please DM your PIN so we can verify you.", dm: true, term: "PIN"),
        Case(locale: "en-US", text: "Write to us", dm: true, prefill: "My card's security code is ", term: "security code"),
        Case(locale: "es-MX", text: "Envíanos tu contraseña por DM.", dm: true, term: "contraseña"),
        Case(locale: "es-MX", text: "¿Nos compartes tu NIP?", term: "NIP"),
        Case(locale: "fr-FR", text: "Indiquez-nous votre mot de passe en message privé.", dm: true, term: "mot de passe"),
        Case(locale: "de-DE", text: "Bitte nennen Sie uns Ihre PIN.", term: "PIN"),
        Case(locale: "pt-BR", text: "Mande sua senha por DM.", dm: true, term: "senha"),
        Case(locale: "ja-JP", text: "パスワードをDMで教えてください。", dm: true, term: "パスワード"),
        Case(locale: "zh-Hans", text: "请私信告诉我们您的验证码。", dm: true, term: "验证码"),
        Case(locale: "ko-KR", text: "비밀번호를 DM으로 보내 주세요.", dm: true, term: "비밀번호"),
        Case(locale: "ar", text: "أرسل لنا كلمة المرور في رسالة خاصة.", dm: true, term: "كلمة المرور"),
        Case(locale: "ru", text: "Пришлите пароль в личные сообщения.", dm: true, term: "пароль"),
        Case(locale: "pl", text: "Podaj nam swoje hasło.", term: "hasło"),
        Case(locale: "tr", text: "Şifrenizi DM ile gönderin.", dm: true, term: "şifre"),
        Case(locale: "it-IT", text: "Inviaci la tua password in DM.", dm: true, term: "password"),
        Case(locale: "nl-NL", text: "Stuur ons je wachtwoord via DM.", dm: true, term: "wachtwoord"),
        Case(locale: "id", text: "Kirim kata sandi kamu lewat DM.", dm: true, term: "kata sandi"),
        Case(locale: "hi-IN", text: "अपना पासवर्ड DM में भेजें।", dm: true, term: "पासवर्ड"),
        // Silent: a promise never to ask, a feature's name, or no secret at all.
        Case(locale: "en-US", text: "We will never ask for your password or PIN."),
        Case(locale: "en-US", text: "Tap \"Forgot password\" in the app to reset it."),
        Case(locale: "es-MX", text: "Nunca te pediremos tu contraseña."),
        Case(locale: "de-DE", text: "Wir fragen niemals nach Ihrer PIN."),
        Case(locale: "fr-FR", text: "Nous ne vous demanderons jamais votre mot de passe."),
        Case(locale: "ja-JP", text: "パスワードをお伺いすることは決してありません。"),
        Case(locale: "ko-KR", text: "비밀번호는 절대 묻지 않습니다."),
        Case(locale: "pt-BR", text: "Nunca pedimos sua senha."),
        Case(locale: "en-US", text: "Thanks, {first_name}! Your new card is on its way."),
        Case(locale: "en-US", text: "Pineapple pins are back in the gift shop."),
    ]

    static let redirects: [Case] = [
        Case(locale: "en-US", text: "Sorry about that! Please call us on 0800 123 456.", term: "call us"),
        Case(locale: "en-US", text: "Please fill out the form on our site.", term: "fill out the form"),
        Case(locale: "fr-FR", text: "Désolés ! Remplissez le formulaire sur notre site.", term: "remplissez le formulaire"),
        Case(locale: "es-MX", text: "Llámanos al 800 123 4567.", term: "llámanos"),
        Case(locale: "de-DE", text: "Rufen Sie uns an, wir helfen gern.", term: "rufen Sie uns an"),
        Case(locale: "en-US", text: "Sorry about that! Send us a DM and we'll sort it out.", dm: true),
        Case(locale: "en-US", text: "No need to call us: we'll sort it out here.", dm: true),
    ]

    @Test func privateInfoInPublic() throws { try run("private-info-in-public", Self.privateInfo) }
    @Test func secretRequest() throws { try run("secret-request", Self.secrets) }
    @Test func redirectOffPlatform() throws { try run("redirect-off-platform", Self.redirects) }

    @Test func thereAreTwentyRealisticCasesPerPrivacyRuleInSeveralLanguages() {
        for cases in [Self.privateInfo, Self.secrets] {
            #expect(cases.count >= 20)
            #expect(Set(cases.map { $0.locale.prefix(2) }).count >= 8)
            #expect(cases.contains { $0.term == nil } && cases.contains { $0.term != nil })
        }
    }

    /// Lints one repository holding every case as a template `case-N` in its locale's pack.
    private func run(_ rule: String, _ cases: [Case], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var packs: [String: String] = [:]
        for (index, item) in cases.enumerated() {
            var entry = "  case-\(index):\n    text: \(Self.quoted(item.text))\n"
            if let prefill = item.prefill {
                entry += "    dm:\n      prefill: \(Self.quoted(prefill))\n"
            } else if item.dm {
                entry += "    dm: true\n"
            }
            packs[item.locale, default: "locale: \(item.locale)\ntemplates:\n"] += entry
        }
        var files = ["templates/acme/brand.yaml": Array(RuleExample.defaultBrand.utf8)]
        for (locale, text) in packs { files["templates/acme/\(locale).yaml"] = Array(text.utf8) }
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(files, under: root)
        let diagnostics = TestSupport.lint([root.path]).result?.diagnostics.filter { $0.rule == rule } ?? []
        for (index, item) in cases.enumerated() {
            let found = diagnostics.filter { $0.template == "case-\(index)" }
            if let term = item.term {
                #expect(found.contains { $0.message.contains("(`\(term)`)") },
                        "\(item.locale) \"\(item.text)\": expected `\(term)`, found \(found.map(\.message))", sourceLocation: sourceLocation)
            } else {
                #expect(found.isEmpty, "\(item.locale) \"\(item.text)\": \(found.map(\.message))", sourceLocation: sourceLocation)
            }
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
