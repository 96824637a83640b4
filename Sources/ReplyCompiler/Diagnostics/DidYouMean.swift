public import ReplyKit
package import ReplyKitSupport
/// Suggestions for misspelled names: the closest candidate within a small edit distance.
public enum DidYouMean {
    /// The candidate closest to `word` (Levenshtein distance, case-insensitive), if it is close enough
    /// to be a likely typo: at most one edit for short words, a third of the length for longer ones.
    /// `did you mean `x`?` for the closest candidate, or nil when none is close: a `help` line.
    public static func help(for word: String, among candidates: [String]) -> String? {
        suggestion(for: word, among: candidates).map { "did you mean `\($0)`?" }
    }

    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        let threshold = max(1, lowered.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            if distance <= threshold, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
