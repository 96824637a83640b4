/// Finds URLs the way twitter-text's `extractUrlsWithIndices` does, without regular expressions.
///
/// twitter-text runs one large regular expression (`extractUrl`) from left to right: a preceding
/// character, an optional `http://` or `https://`, a domain whose last label is a known top-level
/// domain, an optional port, path and query. URLs without a protocol then yield only their ASCII
/// domains. This type reproduces what that expression's backtracking finds, step by step, in UTF-16
/// units, and yields each URL as soon as it is found so that counting needs no storage.
struct URLScanner {
    /// A URL's UTF-16 range, end exclusive.
    struct Match: Equatable {
        var start: Int
        var end: Int
    }

    static let maxURLLength = 4096
    static let maxTcoSlugLength = 40

    let text: UTF16Text
    /// Where the next search for the whole expression begins (JavaScript's `lastIndex`).
    private var searchPosition = 0
    /// A protocol-less match whose ASCII domains are still being yielded.
    private var pendingASCII: PendingASCII?
    /// The end of a run of label characters known not to be followed by `.`: a domain cannot start
    /// inside it. Keeps long runs of unspaced text (Chinese, Japanese) linear.
    private var deadRun = 0..<0

    private struct PendingASCII {
        var domainEnd: Int
        var urlEnd: Int
        var hasPath: Bool
        var next: Match?
    }

    init(_ text: UTF16Text) {
        self.text = text
        // Every URL has a `.` followed by a top-level domain; most replies have none, and then the
        // whole expression need not be tried at every position.
        if !Self.hasDotBeforeTopLevelDomain(text) { searchPosition = text.count }
    }

    private static func hasDotBeforeTopLevelDomain(_ text: UTF16Text) -> Bool {
        var i = 0
        let n = text.count
        while i + 1 < n {
            if text[i] == 0x2E {
                if TopLevelDomains.match(in: text, at: i + 1, limit: n) != nil { return true }
                if text.hasPrefix("xn--", at: i + 1) { return true }
            }
            i += 1
        }
        return false
    }

    /// The next URL, in text order.
    mutating func next() -> Match? {
        while true {
            if var pending = pendingASCII {
                if let current = pending.next {
                    let following = findASCIIDomain(from: current.end, limit: pending.domainEnd)
                    pending.next = following
                    pendingASCII = following == nil ? nil : pending
                    if following == nil && pending.hasPath {
                        return Match(start: current.start, end: pending.urlEnd)
                    }
                    return current
                }
                pendingASCII = nil
            }
            guard let candidate = findCandidate(from: searchPosition) else { return nil }
            searchPosition = candidate.urlEnd
            guard isValidHostAndLength(candidate) else { continue }
            if candidate.protocolEnd == candidate.urlStart {
                if let before = candidate.before, before == 0x2D || before == 0x5F || before == 0x2E || before == 0x2F {
                    continue
                }
                // Only the ASCII domains of a protocol-less URL count; the last one keeps the path.
                guard let first = findASCIIDomain(from: candidate.urlStart, limit: candidate.domainEnd) else {
                    continue
                }
                pendingASCII = PendingASCII(
                    domainEnd: candidate.domainEnd, urlEnd: candidate.urlEnd,
                    hasPath: candidate.hasPath, next: first)
                continue
            }
            if let tcoEnd = tcoEnd(candidate) {
                guard tcoEnd.slugLength <= Self.maxTcoSlugLength else { continue }
                return Match(start: candidate.urlStart, end: tcoEnd.end)
            }
            return Match(start: candidate.urlStart, end: candidate.urlEnd)
        }
    }

    // MARK: The whole expression

    private struct Candidate {
        var before: UInt16?
        var urlStart: Int
        var protocolEnd: Int
        var domainEnd: Int
        var hasPath: Bool
        var urlEnd: Int
    }

    private mutating func findCandidate(from start: Int) -> Candidate? {
        var i = start
        while i < text.count {
            let u = text[i]
            if CharacterClass.isURLPreceding(u), let found = matchURL(at: i + 1, before: u) {
                return found
            }
            if i == 0, let found = matchURL(at: 0, before: nil) {
                return found
            }
            i += 1
        }
        return nil
    }

    private mutating func matchURL(at start: Int, before: UInt16?) -> Candidate? {
        guard start < text.count else { return nil }
        var protocolEnd = start
        var domainEnd: Int?
        if text.hasPrefix("https://", at: start) {
            protocolEnd = start + 8
        } else if text.hasPrefix("http://", at: start) {
            protocolEnd = start + 7
        }
        if protocolEnd != start {
            domainEnd = matchDomain(at: protocolEnd)
            if domainEnd == nil { protocolEnd = start }
        }
        if domainEnd == nil {
            domainEnd = matchDomain(at: start)
        }
        guard let domainEnd else { return nil }
        var end = domainEnd
        // Port: `(?::([0-9]+))?`
        if end + 1 < text.count, text[end] == 0x3A, ASCII.isDigit(text[end + 1]) {
            end += 2
            while end < text.count, ASCII.isDigit(text[end]) { end += 1 }
        }
        // Path: `(\/validUrlPath*)?`
        var hasPath = false
        if end < text.count, text[end] == 0x2F {
            hasPath = true
            end += 1
            while let next = matchPathSegment(at: end) { end = next }
        }
        // Query: `(\?validUrlQueryChars*validUrlQueryEndingChars)?`
        if let queryEnd = matchQuery(at: end, limit: text.count) { end = queryEnd }
        return Candidate(
            before: before, urlStart: start, protocolEnd: protocolEnd, domainEnd: domainEnd,
            hasPath: hasPath, urlEnd: end)
    }

    // MARK: Domains

    /// `validSubdomain* validDomainName (validGTLD | validCCTLD | validPunycode)`: the labels are
    /// fixed by the dots, so the match is the last label that is a valid domain name followed by a
    /// top-level domain (the greedy `*` tries the most subdomains first).
    private mutating func matchDomain(at start: Int) -> Int? {
        if deadRun.contains(start) { return nil }
        var labelStart = start
        var best: Int?
        while true {
            var i = labelStart
            var hasUnderscore = false
            while i < text.count {
                let u = text[i]
                if u == 0x5F { hasUnderscore = true } else if !(u == 0x2D || CharacterClass.isDomainChar(u)) { break }
                i += 1
            }
            guard i < text.count, text[i] == 0x2E else {
                if labelStart == start { deadRun = start..<i }
                break
            }
            guard i > labelStart, CharacterClass.isDomainChar(text[labelStart]),
                  CharacterClass.isDomainChar(text[i - 1]) else { break }
            let tldStart = i + 1
            if !hasUnderscore, let end = matchTopLevel(at: tldStart, limit: text.count) {
                best = end
            }
            labelStart = tldStart
        }
        return best
    }

    /// A top-level domain or `xn--[-0-9a-z]+` at `start`.
    private func matchTopLevel(at start: Int, limit: Int) -> Int? {
        if let end = TopLevelDomains.match(in: text, at: start, limit: limit) { return end }
        guard text.hasPrefix("xn--", at: start) else { return nil }
        var end = start + 4
        while end < limit, ASCII.isAlphanumeric(text[end]) || text[end] == 0x2D { end += 1 }
        return end > start + 4 ? end : nil
    }

    /// `validAsciiDomain`, searched for inside a protocol-less URL's domain:
    /// `(?:[-a-z0-9À-ɏ…]+\.)+(?:gTLD|ccTLD|punycode)`, with `limit` as the end of the input.
    private func findASCIIDomain(from start: Int, limit: Int) -> Match? {
        var s = start
        while s < limit {
            var labelStart = s
            var best: Int?
            while true {
                var i = labelStart
                while i < limit, CharacterClass.isASCIIDomainChar(text[i]) { i += 1 }
                guard i > labelStart, i < limit, text[i] == 0x2E else { break }
                if let end = matchTopLevel(at: i + 1, limit: limit) { best = end }
                labelStart = i + 1
            }
            if let best { return Match(start: s, end: best) }
            s += 1
        }
        return nil
    }

    // MARK: Paths and queries

    /// One iteration of `validUrlPath*`:
    /// `G* (?:P G*)* E | @ G+ /`, G the general path characters, P balanced parentheses, E an
    /// ending character or P. Returns where the first match in the expression's order ends.
    private func matchPathSegment(at start: Int) -> Int? {
        var runEnd = start
        while runEnd < text.count, CharacterClass.isPathChar(text[runEnd]) { runEnd += 1 }
        var k = runEnd
        while k >= start {
            if let end = matchParensThenEnding(at: k) { return end }
            k -= 1
        }
        // `@ G+ /`: the greedy G+ gives back characters until a `/` follows.
        if start < text.count, text[start] == 0x40 {
            var slash = runEnd - 1
            while slash > start + 1 {
                if text[slash] == 0x2F { return slash + 1 }
                slash -= 1
            }
        }
        return nil
    }

    /// `(?:P G*)* E` at `start`.
    private func matchParensThenEnding(at start: Int) -> Int? {
        if let parenEnd = matchBalancedParens(at: start) {
            var runEnd = parenEnd
            while runEnd < text.count, CharacterClass.isPathChar(text[runEnd]) { runEnd += 1 }
            var k = runEnd
            while k >= parenEnd {
                if let end = matchParensThenEnding(at: k) { return end }
                k -= 1
            }
        }
        guard start < text.count else { return nil }
        if CharacterClass.isPathEndingChar(text[start]) { return start + 1 }
        return matchBalancedParens(at: start)
    }

    /// `\( (?: G+ | G* \( G+ \) G* ) \)`: parentheses nested at most two deep.
    private func matchBalancedParens(at start: Int) -> Int? {
        guard start < text.count, text[start] == 0x28 else { return nil }
        var i = start + 1
        while i < text.count, CharacterClass.isPathChar(text[i]) { i += 1 }
        if i > start + 1, i < text.count, text[i] == 0x29 { return i + 1 }
        // One nested level: G* ( G+ ) G* )
        guard i < text.count, text[i] == 0x28 else { return nil }
        var j = i + 1
        while j < text.count, CharacterClass.isPathChar(text[j]) { j += 1 }
        guard j > i + 1, j < text.count, text[j] == 0x29 else { return nil }
        j += 1
        while j < text.count, CharacterClass.isPathChar(text[j]) { j += 1 }
        guard j < text.count, text[j] == 0x29 else { return nil }
        return j + 1
    }

    /// `\?Q*QE` at `start`: the run of query characters, given back to its last ending character.
    private func matchQuery(at start: Int, limit: Int) -> Int? {
        guard start < limit, text[start] == 0x3F else { return nil }
        var runEnd = start + 1
        while runEnd < limit, CharacterClass.isQueryChar(text[runEnd]) { runEnd += 1 }
        var k = runEnd
        while k > start + 1 {
            if CharacterClass.isQueryEndingChar(text[k - 1]) { return k }
            k -= 1
        }
        return nil
    }

    // MARK: Checks after the match

    /// `^https?://t\.co/([a-z0-9]+)(?:\?Q*QE)?` inside the URL: a t.co link keeps no more than that.
    private func tcoEnd(_ candidate: Candidate) -> (end: Int, slugLength: Int)? {
        let domainStart = candidate.protocolEnd
        guard text.hasPrefix("t.co/", at: domainStart) else { return nil }
        let slugStart = domainStart + 5
        var end = slugStart
        while end < candidate.urlEnd, ASCII.isAlphanumeric(text[end]) { end += 1 }
        guard end > slugStart else { return nil }
        let slugLength = end - slugStart
        if let queryEnd = matchQuery(at: end, limit: candidate.urlEnd) { end = queryEnd }
        return (end, slugLength)
    }

    /// twitter-text's `isValidUrl`: every label of the host must be 1–63 characters once
    /// punycode-encoded, and the URL with a protocol no longer than 4096.
    private func isValidHostAndLength(_ candidate: Candidate) -> Bool {
        let domain = candidate.protocolEnd..<candidate.domainEnd
        if text.hasPrefix("xn--", at: domain.lowerBound) && text[domain.lowerBound] == 0x78
            && text[domain.lowerBound + 1] == 0x6E
            && findASCIIDomain(from: domain.lowerBound, limit: domain.upperBound) == nil {
            return false
        }
        var labelStart = domain.lowerBound
        for i in domain.lowerBound...domain.upperBound where i == domain.upperBound || text[i] == 0x2E {
            guard let length = Punycode.encodedLabelLength(text, labelStart..<i), (1...63).contains(length)
            else { return false }
            labelStart = i + 1
        }
        let protocolLength = candidate.protocolEnd == candidate.urlStart ? 8 : candidate.protocolEnd - candidate.urlStart
        let urlLength = candidate.urlEnd - candidate.urlStart
        return urlLength + protocolLength <= Self.maxURLLength
    }
}
