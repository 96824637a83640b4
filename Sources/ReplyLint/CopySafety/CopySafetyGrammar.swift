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
        var reader = Reading(bytes: bytes, cues: cues, clauses: clauses, verbFinal: verbFinal, prefill: prefill,
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

/// The sentences and clauses of a text, by UTF-8 offset.
struct Clauses {
    /// Offsets where a sentence starts, ascending, 0 first.
    private var sentenceStarts: [Int] = [0]
    /// Offsets where a clause starts (every sentence start among them), ascending.
    private var clauseStarts: [Int] = [0]

    init(_ bytes: [UInt8], breaks: [Int]) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0x20
            let spaceAfter = next == 0x20 || next == 0x0A || next == 0x22 || next == 0x29 || next >= 0x80 || i + 1 == bytes.count
            switch byte {
            case 0x0A: mark(sentence: i + 1)
            case 0x2E where spaceAfter, 0x21 where spaceAfter, 0x3F where spaceAfter: mark(sentence: i + 1)
            case 0x2C where spaceAfter, 0x3B where spaceAfter, 0x3A where spaceAfter: mark(clause: i + 1)
            case 0x28, 0x29: mark(clause: i + 1)
            default:
                if byte >= 0x80 {
                    let (scalar, width) = Self.scalar(bytes, at: i)
                    switch scalar {
                    case 0x3002, 0xFF01, 0xFF1F, 0x061F, 0x0964, 0x2026, 0xFF0E: mark(sentence: i + width)
                    case 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0x060C, 0x061B, 0x2014, 0x2013, 0xFF08, 0xFF09: mark(clause: i + width)
                    default: break
                    }
                    i += width
                    continue
                }
            }
            i += 1
        }
        for offset in breaks { mark(clause: offset) }
        clauseStarts.sort()
    }

    private mutating func mark(sentence offset: Int) {
        if sentenceStarts.last != offset { sentenceStarts.append(offset) }
        mark(clause: offset)
    }

    private mutating func mark(clause offset: Int) {
        if clauseStarts.last != offset { clauseStarts.append(offset) }
    }

    /// The start of the sentence holding `offset` and of the next one.
    func sentence(of offset: Int) -> Range<Int> { Self.span(of: offset, in: sentenceStarts) }

    func clause(of offset: Int) -> Range<Int> { Self.span(of: offset, in: clauseStarts) }

    private static func span(of offset: Int, in starts: [Int]) -> Range<Int> {
        // Few boundaries a text: a linear walk beats a search.
        var start = 0
        var end = Int.max
        for boundary in starts {
            if boundary <= offset { start = boundary } else { end = boundary; break }
        }
        return start..<end
    }

    static func scalar(_ bytes: [UInt8], at i: Int) -> (UInt32, Int) {
        let byte = bytes[i]
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard i + width <= bytes.count else { return (UInt32(byte), 1) }
        var value = UInt32(byte) & (width == 1 ? 0x7F : width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<max(width, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, width)
    }
}
