public import ReplyKit
/// A locale's copy-safety grammar as its data file writes it (`copy_safety:`): what the customer
/// might be asked for, the words that ask, and the words that cancel an ask (copy-safety.md).
///
/// Every list is a list of phrases, matched case- and width-insensitively, on word boundaries in
/// scripts written with spaces (up to four letters of inflection after a phrase of five or more
/// letters) and anywhere in scripts written without them.
public struct CopySafetyData: Sendable, Hashable {
    /// Whether the verb comes after its object (`注文番号を教えてください`, `sipariş numaranızı
    /// gönderin`): then an ask may come anywhere after its item in the sentence, and a negation
    /// after the ask cancels it.
    public enum WordOrder: String, Sendable, Hashable, CaseIterable {
        case verbFinal = "verb-final"
        case verbMedial = "verb-medial"
    }

    /// A kind of item with the names it goes by; `category` is kebab-case (`order-number`).
    public struct Item: Sendable, Hashable {
        public var category: String
        public var names: [String]
        public init(category: String, names: [String]) {
            self.category = category
            self.names = names
        }
    }

    public var wordOrder: WordOrder?
    /// Whether a negation may follow the ask and the item it negates in their clause (German
    /// `Teile deine PIN nicht`, Dutch `Deel uw pincode nooit`, Russian `звонить не нужно`): then a
    /// negation anywhere in the clause cancels, as in verb-final languages.
    public var lateNegation: Bool { lateNegationSetting ?? false }
    /// `late_negation` as the file sets it; nil inherits.
    public var lateNegationSetting: Bool?
    /// Private information: asked for in a public reply, `private-info-in-public`.
    public var privateItems: [Item] = []
    /// Secrets: asked for anywhere, `secret-request`.
    public var secrets: [Item] = []
    /// Questions and requests that ask for an item without naming it (`where should we send it`),
    /// by the category they ask for (one of the private items' or secrets').
    public var implicit: [Item] = []
    /// Ways off X (`call us`, `fill in the form`), by category (`redirect-phone`).
    public var redirects: [Item] = []
    /// Words that ask: imperatives, polite requests, question words, needs, requests to confirm.
    public var asks: [String] = []
    /// Asks that point back to an item named before them (`drop it below`, `reply with it`): they
    /// govern an item earlier in their sentence or in the one before that no other ask governs.
    public var asksBack: [String] = []
    /// Words that make a phone number, email address or URL in their sentence a way to reach the
    /// brand (`reach us`, `contact`); a number or address on its own is one too.
    public var contact: [String] = []
    /// Path words of a contact page's URL (`contact`, `kontakt`).
    public var contactPages: [String] = []
    /// Negation and prohibition: an ask in their clause is not one (`never share your PIN`).
    public var negations: [String] = []
    /// The brand acting itself: an item after one is what the brand did or will do (`we've sent`).
    public var brandActs: [String] = []
    /// Somewhere other than the reply: an ask in their clause is guidance (`in the app`).
    public var elsewhere: [String] = []
    /// Statements of fact about an item: an item just before one is a mention (`is on your ticket`).
    public var statements: [String] = []
    /// Words that start a new clause within a sentence (`but`, `so that`), besides punctuation.
    public var clauseBreaks: [String] = []
    /// Whether this file's grammar replaces what it inherits rather than adding to it.
    public var replacesInherited = false

    public init() {}

    /// Every phrase of every list, for checks that look at all of them.
    public var allPhrases: [String] {
        (privateItems + secrets + implicit + redirects).flatMap(\.names)
            + asks + asksBack + contact + contactPages + negations + brandActs + elsewhere + statements + clauseBreaks
    }

    /// `self` with `more` added: lists are joined, items of the same category get both lists of
    /// names; with `more.replacesInherited`, `more` alone.
    public func extended(by more: CopySafetyData) -> CopySafetyData {
        guard !more.replacesInherited else { return more }
        func join(_ mine: [Item], _ theirs: [Item]) -> [Item] {
            var result = mine
            for item in theirs {
                if let index = result.firstIndex(where: { $0.category == item.category }) {
                    result[index].names += item.names.filter { !result[index].names.contains($0) }
                } else {
                    result.append(item)
                }
            }
            return result
        }
        var result = self
        result.wordOrder = more.wordOrder ?? wordOrder
        result.lateNegationSetting = more.lateNegationSetting ?? lateNegationSetting
        result.privateItems = join(privateItems, more.privateItems)
        result.secrets = join(secrets, more.secrets)
        result.implicit = join(implicit, more.implicit)
        result.redirects = join(redirects, more.redirects)
        result.asks += more.asks
        result.asksBack += more.asksBack
        result.contact += more.contact
        result.contactPages += more.contactPages
        result.negations += more.negations
        result.brandActs += more.brandActs
        result.elsewhere += more.elsewhere
        result.statements += more.statements
        result.clauseBreaks += more.clauseBreaks
        return result
    }
}
