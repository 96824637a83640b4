import ReplyKit
import ReplyCompiler

/// One reading of one text: links each item to the ask that governs it and drops the asks that are
/// cancelled (copy-safety.md's "not asks"), then finds the redirects.
struct Reading {
    typealias Cue = CopySafetyGrammar.Cue
    let bytes: [UInt8]
    let cues: [Cue]
    let clauses: Clauses
    let verbFinal: Bool
    /// Whether a negation may follow what it negates in its clause (`Teile deine PIN nicht`), as
    /// in verb-final languages.
    let lateNegation: Bool
    let prefill: Bool
    /// Whether private information is looked for (a public template) and redirects (a brand that takes DMs).
    let privateInfo: Bool
    let redirects: Bool

    private struct Ask {
        var rule: CopySafetyRule
        var ask: Range<Int>?
        var range: Range<Int>
        var category: String
        var item: String
        /// The item as the locale data names it, for the message.
        var term: String
        /// Where the last item merged into it is.
        var itemRange: Range<Int>? = nil
    }

    mutating func findings() -> [CopySafetyFinding] {
        var asks: [Ask] = []
        for (index, cue) in cues.enumerated() {
            switch cue.role {
            case let .item(category, secret):
                guard secret || privateInfo, let range = askedFor(index) ?? askedBack(index) ?? askedBare(index) else { continue }
                asks.append(Ask(rule: secret ? .secretRequest : .privateInfoInPublic, ask: range.ask, range: range.whole,
                                category: category, item: text(cue.range), term: cue.term, itemRange: cue.range))
            case let .implicit(category, secret):
                guard secret || privateInfo, !cancelled(ask: cue.range, item: cue.range) else { continue }
                asks.append(Ask(rule: secret ? .secretRequest : .privateInfoInPublic, ask: cue.range, range: cue.range,
                                category: category, item: text(cue.range), term: text(cue.range)))
            default: continue
            }
        }
        var found = Self.merged(asks).map(finding)
        if redirects { found += redirectFindings() }
        return found.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The ask governing the item at `index` and the range from it to the item; nil when the item is
    /// only mentioned.
    private func askedFor(_ index: Int) -> (ask: Range<Int>?, whole: Range<Int>)? {
        let item = cues[index].range
        let sentence = clauses.sentence(of: item.lowerBound)
        let clause = clauses.clause(of: item.lowerBound)
        // What the customer types into a prefill is theirs to send; so is a text that ends with
        // the item and a colon, for the customer to fill in ("My PIN is:").
        if case .item(_, true) = cues[index].role, prefill || endsAsPrompt(after: item) {
            return hasNegation(in: clause, before: Int.max, except: item) ? nil : (nil, item)
        }
        var before: Range<Int>?
        for cue in cues[..<index].reversed() where cue.role.asks {
            // An ask may end inside the item's name ("which number" before "number you used").
            guard cue.range.lowerBound < item.lowerBound, sentence.contains(cue.range.lowerBound) else { continue }
            before = cue.range
            break
        }
        // Asks that overlap make one ask ("we'll need" and "need your"), underlined from the first.
        if var ask = before {
            for cue in cues[..<index].reversed() where cue.role.asks && cue.range.overlaps(ask) {
                ask = min(ask.lowerBound, cue.range.lowerBound)..<ask.upperBound
            }
            before = ask
        }
        var after: Range<Int>?
        for cue in cues[(index + 1)...] where cue.role.asks {
            let scope = verbFinal ? sentence : clause
            guard scope.contains(cue.range.lowerBound) else { break }
            after = cue.range
            break
        }
        let choices = verbFinal ? [after, before] : [before, after]
        for case let ask? in choices where !cancelled(ask: ask, item: item) {
            return (ask, min(ask.lowerBound, item.lowerBound)..<max(ask.upperBound, item.upperBound))
        }
        return nil
    }

    /// The ask pointing back to the item at `index` (`The email you ordered with – drop it below`):
    /// the first of ``CopySafetyGrammar/Role/askBack`` after it, in its sentence or the next. The
    /// pronoun stands for the nearest item: one named in another clause after this item takes it
    /// (`We'll never ask for your PIN. The order number – send it over`). Nil when there is none,
    /// when a negation stands before the item in its clause, when a negation or the brand acting is
    /// in that ask's clause before it (`never share it`, `we'll send it`), or acting elsewhere
    /// anywhere in it (`enter it in the app`).
    private func askedBack(_ index: Int) -> (ask: Range<Int>?, whole: Range<Int>)? {
        let item = cues[index].range
        let sentence = clauses.sentence(of: item.lowerBound)
        let itemClause = clauses.clause(of: item.lowerBound)
        if cues.contains(where: { $0.role == .negation && itemClause.contains($0.range.lowerBound) && $0.range.lowerBound < item.lowerBound }) {
            return nil
        }
        let next = sentence.upperBound == Int.max ? sentence : clauses.sentence(of: sentence.upperBound)
        let reach = sentence.lowerBound..<next.upperBound
        for cue in cues[(index + 1)...] {
            guard reach.contains(cue.range.lowerBound) else { return nil }
            switch cue.role {
            case .item, .implicit:
                if !itemClause.contains(cue.range.lowerBound) { return nil }
                continue
            case .askBack: break
            default: continue
            }
            let clause = clauses.clause(of: cue.range.lowerBound)
            let cancelled = cues.contains { other in
                switch other.role {
                case .negation, .brand:
                    let late = verbFinal || (other.role == .negation && lateNegation)
                    return other.range.overlaps(cue.range)
                        || (clause.contains(other.range.lowerBound) && (late || other.range.lowerBound < cue.range.lowerBound))
                case .elsewhere:
                    return clause.contains(other.range.lowerBound)
                default:
                    return false
                }
            }
            return cancelled ? nil : (cue.range, item.lowerBound..<cue.range.upperBound)
        }
        return nil
    }

    /// The item asked for by a question of its own name alone (`Order number?`, `Y tu número de
    /// pedido?`, `注文番号は？`): its sentence ends in a question mark right after it (or after a
    /// particle of two characters), and holds at most five letters besides (`your`, `Ihre`, `et la`),
    /// too few for a verb that would make it another question (`Forgot your password?`).
    private func askedBare(_ index: Int) -> (ask: Range<Int>?, whole: Range<Int>)? {
        let item = cues[index].range
        let sentence = clauses.sentence(of: item.lowerBound)
        let end = min(sentence.upperBound, bytes.count)
        var i = item.upperBound
        var particle = 0
        var question: Range<Int>?
        while i < end {
            let (scalar, width) = Clauses.scalar(bytes, at: i)
            if scalar == 0x3F || scalar == 0xFF1F {
                question = i..<i + width
                break
            }
            if scalar != 0x20 {
                particle += 1
                guard particle <= 2, (0x3040...0x309F).contains(scalar) || (0xAC00...0xD7A3).contains(scalar) else { return nil }
            }
            i += width
        }
        guard let question else { return nil }
        var letters = 0
        var j = sentence.lowerBound
        while j < item.lowerBound {
            let (scalar, width) = Clauses.scalar(bytes, at: j)
            if Unicode.Scalar(scalar)?.properties.isAlphabetic == true { letters += 1 }
            j += width
        }
        guard letters <= 5, !cues.contains(where: { ($0.role == .negation || $0.role == .brand || $0.role == .statement) && sentence.contains($0.range.lowerBound) })
        else { return nil }
        return (nil, item.lowerBound..<question.upperBound)
    }

    /// Whether the ask at `ask` for the item at `item` is not one: negated or prohibited, guidance to
    /// act elsewhere, the brand acting itself, or a statement about the item.
    private func cancelled(ask: Range<Int>, item: Range<Int>) -> Bool {
        let askClause = clauses.clause(of: ask.lowerBound)
        let itemClause = clauses.clause(of: item.lowerBound)
        let gapStart = min(ask.upperBound, item.upperBound)
        let between = gapStart..<max(gapStart, max(ask.lowerBound, item.lowerBound))
        let last = max(ask.upperBound, item.upperBound)
        for cue in cues {
            let at = cue.range.lowerBound
            switch cue.role {
            case .negation:
                if cue.range.overlaps(ask) { return true }
                if verbFinal || lateNegation {
                    if askClause.contains(at) || itemClause.contains(at) { return true }
                } else if (askClause.contains(at) || itemClause.contains(at)) && at < last {
                    return true
                }
            case .elsewhere:
                if askClause.contains(at) || itemClause.contains(at) { return true }
            case .brand:
                if between.contains(at) || cue.range.overlaps(ask) { return true }
            case .statement:
                if between.contains(at) { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether only a colon (and words of the same clause) follow `item` to the end of the text.
    private func endsAsPrompt(after item: Range<Int>) -> Bool {
        var end = bytes.count
        while end > item.upperBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        let colon: [UInt8] = [0xEF, 0xBC, 0x9A]
        let endsWithColon = (end > item.upperBound && bytes[end - 1] == 0x3A)
            || (end - 3 >= item.upperBound && bytes[(end - 3)..<end].elementsEqual(colon))
        return endsWithColon && clauses.sentence(of: item.lowerBound).upperBound >= end
    }

    private func hasNegation(in clause: Range<Int>, before end: Int, except: Range<Int>) -> Bool {
        cues.contains { $0.role == .negation && clause.contains($0.range.lowerBound) && $0.range.lowerBound < end }
    }

    /// One finding per rule and ask: "send us your order number and email" is one ask.
    private static func merged(_ asks: [Ask]) -> [Ask] {
        var result: [Ask] = []
        for ask in asks {
            if let index = result.firstIndex(where: { $0.rule == ask.rule && $0.ask != nil && $0.ask == ask.ask }) {
                let range = result[index].range
                result[index].range = min(range.lowerBound, ask.range.lowerBound)..<max(range.upperBound, ask.range.upperBound)
                // Two names of one item that overlap ("one-time code we just texted") are one item.
                if let last = result[index].itemRange, let next = ask.itemRange, last.overlaps(next) { continue }
                result[index].item += ", " + ask.item
                result[index].term += "`, `" + ask.term
                result[index].itemRange = ask.itemRange
            } else {
                result.append(ask)
            }
        }
        return result
    }

    private func finding(_ ask: Ask) -> CopySafetyFinding {
        let kind = String(ask.category.map { $0 == "-" ? " " : $0 })
        switch ask.rule {
        case .privateInfoInPublic:
            return CopySafetyFinding(
                rule: ask.rule, range: ask.range, category: ask.category, item: ask.item,
                message: "asks for private information (`\(ask.term)`) in a public reply",
                notes: ["`\(ask.item)` is private information (\(kind)): the customer would answer in public, for everyone to read"],
                help: "hand off to DMs with `dm: true` and ask for it there")
        case .secretRequest:
            return CopySafetyFinding(
                rule: ask.rule, range: ask.range, category: ask.category, item: ask.item,
                message: "asks for a secret (`\(ask.term)`)",
                notes: ["`\(ask.item)` is a secret (\(kind)): support never needs one, not even in DMs"],
                help: "point the customer to the secure reset in the app or website instead")
        case .redirectOffPlatform:
            return CopySafetyFinding(
                rule: ask.rule, range: ask.range, category: ask.category, item: ask.item,
                message: "sends the customer off X (`\(ask.term)`)",
                notes: ["a way off X (\(kind))"], help: "hand off to DMs with `dm: true` instead")
        }
    }

    /// Redirect phrases not negated, and phone numbers, email addresses and contact pages given to
    /// reach the brand; a phrase and the number it names in one sentence are one finding.
    private func redirectFindings() -> [CopySafetyFinding] {
        var found: [Ask] = []
        var used: Set<Int> = []
        for (index, cue) in cues.enumerated() {
            let clause = clauses.clause(of: cue.range.lowerBound)
            switch cue.role {
            case let .redirect(category):
                guard !redirectCancelled(cue.range, clause: clause) else { continue }
                var range = cue.range
                let sentence = clauses.sentence(of: cue.range.lowerBound)
                for (other, next) in cues.enumerated().dropFirst(index + 1) {
                    guard sentence.contains(next.range.lowerBound) else { break }
                    if case .reachable = next.role {
                        range = range.lowerBound..<next.range.upperBound
                        used.insert(other)
                        break
                    }
                }
                found.append(Ask(rule: .redirectOffPlatform, ask: cue.range, range: range, category: category, item: text(range), term: cue.term))
            case let .reachable(category):
                guard !used.contains(index) else { continue }
                // The brand giving its own number for the customer to use: a contact word before it
                // in the sentence reaches back to the contact word.
                let sentence = clauses.sentence(of: cue.range.lowerBound)
                var range = cue.range
                if let contact = cues[..<index].last(where: { $0.role == .contact && sentence.contains($0.range.lowerBound) }) {
                    guard !redirectCancelled(contact.range, clause: clauses.clause(of: contact.range.lowerBound)) else { continue }
                    range = contact.range.lowerBound..<cue.range.upperBound
                } else if redirectCancelled(cue.range, clause: clause) {
                    continue
                }
                found.append(Ask(rule: .redirectOffPlatform, ask: nil, range: range, category: category, item: text(cue.range), term: text(cue.range)))
            default: continue
            }
        }
        return found.map(finding)
    }

    /// Whether a redirect is negated ("no need to call us") or the brand acting ("we'll email you
    /// from support@…"): a negation or brand act in its clause before it (anywhere in the clause in
    /// verb-final languages, and a negation anywhere where negations may come late).
    private func redirectCancelled(_ range: Range<Int>, clause: Range<Int>) -> Bool {
        cues.contains { cue in
            guard cue.role == .negation || cue.role == .brand, clause.contains(cue.range.lowerBound) else { return false }
            return verbFinal || (cue.role == .negation && lateNegation) || cue.range.lowerBound < range.lowerBound
        }
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}
