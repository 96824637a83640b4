/// A URL as X displays it in a post: without `http://`, `https://` or a leading `www.`, and cut
/// after ``maxLength`` characters with an ellipsis (the link still goes to the whole URL).
enum DisplayURL {
    static let maxLength = 25

    static func shortened(_ url: String) -> String {
        var rest = Substring(url)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            break
        }
        if rest.lowercased().hasPrefix("www.") { rest = rest.dropFirst(4) }
        guard rest.count > maxLength else { return String(rest) }
        return String(rest.prefix(maxLength)) + "…"
    }
}
