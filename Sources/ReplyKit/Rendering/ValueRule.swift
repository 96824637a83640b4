/// A variable as the fast path checks its values.
final class ValueRule: Sendable {
    let name: String
    let kind: Variable.Kind
    /// The `pattern` as our own automaton, or as ICU's when it is outside its subset.
    let matcher: ValueChecker.Matcher?

    init(_ variable: Variable, matcher: ValueChecker.Matcher?) {
        name = variable.name.value
        kind = variable.kind
        self.matcher = matcher
    }

    /// The value as it is substituted when it is printable ASCII without `. : @ # $ /` and passes
    /// every check; nil otherwise (the general check then decides, and names what is wrong).
    func plainText(_ value: ReplyValue) -> String? {
        let text: String
        switch kind {
        case .number(let min, let max):
            guard let number = value.integer else { return nil }
            guard min <= number && number <= max else { return nil }
            text = String(number)
        case .choice(let choices):
            text = value.description
            guard choices.contains(text) else { return nil }
        case .text(let rules):
            text = value.description
            // Printable ASCII weighs one per byte, and is NFC with nothing for the checks to refuse.
            guard Self.isPlain(text), text.utf8.count <= rules.maxLength,
                  matcher?.matches(text) ?? true else { return nil }
            return text
        }
        return Self.isPlain(text) ? text : nil
    }

    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            switch byte {
            case 0x2E, 0x3A, 0x40, 0x23, 0x24, 0x2F: false
            case 0x20...0x7E: true
            default: false
            }
        }
    }
}
