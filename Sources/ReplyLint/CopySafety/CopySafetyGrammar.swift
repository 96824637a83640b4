import ReplyKit
import ReplyCompiler

/// A locale's copy-safety grammar, compiled for matching: one ``TermMatcher`` finds the items and
/// redirects of every list in a single walk of a text. Most texts have none, and are done; only the
/// others (and those with a phone number or email address) are walked again for the words around
/// them, by a second matcher.
final class CopySafetyGrammar: Sendable {
    /// What a phrase list is for.
    enum Role: Sendable, Equatable {
        case item(category: String, secret: Bool)
        case implicit(category: String, secret: Bool)
        case redirect(category: String)
        /// A phone number, email address or contact-page URL the recognisers found.
        case reachable(category: String)
        case ask, askBack, contact, contactPage, negation, brand, elsewhere, statement, clauseBreak

        /// An ask of either kind: one that points back to its item asks for it as much.
        var asks: Bool { self == .ask || self == .askBack }
    }

    /// Items, implicit asks, redirects and contact-page words.
    private let topics: TermMatcher
    /// Asks, contact words and what cancels an ask.
    private let words: TermMatcher
    /// By list index of ``topics`` and of ``words``.
    private let topicRoles: [Role]
    private let wordRoles: [Role]
    private let verbFinal: Bool
    private let lateNegation: Bool

    init(_ locale: ResolvedLocale?) {
        let data = locale?.copySafety ?? CopySafetyData()
        var topicLists: [[String]] = [], wordLists: [[String]] = []
        var topicRoles: [Role] = [], wordRoles: [Role] = []
        func add(_ phrases: [String], _ role: Role) {
            guard !phrases.isEmpty else { return }
            switch role {
            case .item, .implicit, .redirect, .reachable, .contactPage:
                topicLists.append(phrases)
                topicRoles.append(role)
            default:
                wordLists.append(phrases)
                wordRoles.append(role)
            }
        }
        let secretCategories = Set(data.secrets.map(\.category))
        for item in data.privateItems { add(item.names, .item(category: item.category, secret: false)) }
        for item in data.secrets { add(item.names, .item(category: item.category, secret: true)) }
        for item in data.implicit {
            add(item.names, .implicit(category: item.category, secret: secretCategories.contains(item.category)))
        }
        for item in data.redirects { add(item.names, .redirect(category: item.category)) }
        add(data.asks, .ask)
        add(data.asksBack, .askBack)
        add(data.contact, .contact)
        add(data.contactPages, .contactPage)
        add(data.negations, .negation)
        add(data.brandActs, .brand)
        add(data.elsewhere, .elsewhere)
        add(data.statements, .statement)
        add(data.clauseBreaks, .clauseBreak)
        // The older flat `terms:` lists: items and redirects without a category.
        let terms = locale?.terms ?? [:]
        add(terms["private_info"] ?? [], .item(category: "private-info", secret: false))
        add(terms["secrets"] ?? [], .item(category: "secret", secret: true))
        add(terms["redirects"] ?? [], .redirect(category: "redirect"))
        add(terms["negations"] ?? [], .negation)
        topics = TermMatcher(lists: topicLists)
        words = TermMatcher(lists: wordLists)
        self.topicRoles = topicRoles
        self.wordRoles = wordRoles
        verbFinal = data.wordOrder == .verbFinal
        lateNegation = data.lateNegation
    }

    /// A phrase found, with its role.
    struct Cue {
        var range: Range<Int>
        var role: Role
        var term: String
    }

    /// The findings in `text`: secrets always, private information and redirects when asked for.
    func findings(in text: String, prefill: Bool, privateInfo: Bool, redirects: Bool) -> [CopySafetyFinding] {
        let topicMatches = topics.matches(in: text)
        // A template that hands off to DMs may ask for its order number: most texts hold nothing a
        // rule wants, and are done before the words around them are looked for.
        let wanted = topicMatches.contains { match in
            switch topicRoles[match.list] {
            case .item(_, let secret), .implicit(_, let secret): secret || privateInfo
            default: redirects
            }
        }
        guard wanted || (redirects && ContactRecognisers.mayHoldContact(text.utf8)) else { return [] }
        let bytes = Array(text.utf8)
        let reachable = redirects ? ContactRecognisers.find(in: bytes) : []
        guard wanted || !reachable.isEmpty else { return [] }
        let wordMatches = words.matches(in: text)
        var cues: [Cue] = []
        cues.reserveCapacity(topicMatches.count + wordMatches.count + reachable.count)
        for index in 0..<topicMatches.count + wordMatches.count {
            let fromTopics = index < topicMatches.count
            let match = fromTopics ? topicMatches[index] : wordMatches[index - topicMatches.count]
            let role = fromTopics ? topicRoles[match.list] : wordRoles[match.list]
            // A contact page's path word counts only inside a URL, and then the URL is the finding.
            if role == .contactPage {
                guard let url = ContactRecognisers.urlToken(around: match.range, in: bytes) else { continue }
                cues.append(Cue(range: url, role: .reachable(category: "redirect-contact-page"), term: match.term))
            } else if role.asks, !verbFinal, !match.asWritten {
                // An ask is a verb as written: `confirma` asks, `confirmação` names a thing. Languages
                // that put the verb last attach their endings to it, and list its forms instead.
                continue
            } else {
                cues.append(Cue(range: match.range, role: role, term: match.term))
            }
        }
        cues = Self.outermost(cues)
        for found in reachable { cues.append(Cue(range: found.range, role: .reachable(category: found.category), term: found.category)) }
        cues.sort { $0.range.lowerBound < $1.range.lowerBound }
        let interesting = cues.contains { cue in
            switch cue.role {
            case .item, .implicit, .redirect, .reachable: true
            default: false
            }
        }
        guard interesting else { return [] }
        let clauses = Clauses(bytes, breaks: cues.filter { $0.role == .clauseBreak }.map(\.range.lowerBound))
        var reader = Reading(bytes: bytes, cues: cues, clauses: clauses, verbFinal: verbFinal, lateNegation: lateNegation, prefill: prefill,
                             privateInfo: privateInfo, redirects: redirects)
        return reader.findings()
    }

    /// The cues not inside a longer one: `we'll` inside `we'll need`, `email` inside `email us`.
    /// The brand acting stays inside a redirect: `보내드릴게요` ("we'll send it") is the brand
    /// sending, though `이메일로 보내` with its ending reaches over it.
    static func outermost(_ cues: [Cue]) -> [Cue] {
        cues.filter { cue in
            !cues.contains { other in
                guard other.range != cue.range, other.range.lowerBound <= cue.range.lowerBound,
                      other.range.upperBound >= cue.range.upperBound else { return false }
                if cue.role == .brand, case .redirect = other.role { return false }
                return true
            }
        }
    }
}
