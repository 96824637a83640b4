/// A small builder of HTML text: element names and attribute names are the caller's constants;
/// attribute values and text are always escaped.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 4096) { html.reserveCapacity(capacity) }

    /// `<name a="v" …>`; a nil value leaves the attribute out, an empty one writes it bare.
    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String?)] = []) {
        html += "<"
        html += name.description
        for (key, value) in attributes {
            guard let value else { continue }
            html += " "
            html += key.description
            if !value.isEmpty {
                html += "=\""
                HTMLText.escape(value, into: &html)
                html += "\""
            }
        }
        html += ">"
    }

    mutating func close(_ name: StaticString) {
        html += "</"
        html += name.description
        html += ">"
    }

    /// An element holding `text` only.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String?)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String?)] = [], body: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    mutating func text(_ text: some StringProtocol) { HTMLText.escape(text, into: &html) }

    /// Markup this module wrote itself (the assets' references, an SVG drawing): never pack text.
    mutating func trusted(_ markup: StaticString) { html += markup.description }

    mutating func append(_ other: HTMLWriter) { html += other.html }
}
