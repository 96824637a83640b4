/// One sentence of customer-care copy in every generated locale, as ICU MessageFormat text.
///
/// Every translation uses the same variables, so that a template built from phrases translates
/// cleanly; plural branches follow each language's CLDR categories for the ranges the brands declare
/// (Arabic needs `one`, `two`, `few` and `many`; Japanese, Korean and Chinese only `other`).
/// `%SITE%`, `%TAG%` and `%CARE%` stand for the brand's domain, hashtag and second account.
struct Phrase: Sendable {
    /// By the index of the locale in ``RepositoryGenerator/locales``.
    let texts: [String]

    init(en: String, ja: String, ar: String, es: String, fr: String, de: String, ko: String, zh: String,
         pt: String, it: String) {
        texts = [en, ja, ar, es, fr, de, ko, zh, pt, it]
    }

    subscript(locale: Int) -> String { texts[locale] }
}

/// What a phrase of the body of a template is about: its id, description and tags.
struct Topic: Sendable {
    let id: String
    let description: String
    let tags: [String]
    let phrase: Phrase
}
