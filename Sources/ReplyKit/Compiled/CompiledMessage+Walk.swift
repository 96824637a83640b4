package import ReplyKitSupport
extension CompiledMessage {
    /// What a message renders to, piece by piece.
    package enum Piece {
        case literal(Literal)
        /// The value in this slot.
        case value(Int)
    }

    /// Calls `body` with every non-empty piece the message renders to with `values`, choosing
    /// branches as template-syntax.md says: a plural's first `=n` key equal to the number, then its
    /// first key for the number's category, then `other`; a select's first key (not `other`) equal
    /// to the value, then `other`. A message with no branch for the value shows nothing there.
    package func walk(_ values: [CheckedValue], plural rules: PluralRules, _ body: (Piece) -> Void) {
        walk(values, plural: rules, pound: nil, body)
    }

    private func walk(_ values: [CheckedValue], plural rules: PluralRules, pound: Int?, _ body: (Piece) -> Void) {
        for part in parts {
            switch part {
            case .literal(let literal):
                if !literal.text.isEmpty { body(.literal(literal)) }
            case .pound:
                if let pound { body(.value(pound)) } else { body(.literal(Self.poundSign)) }
            case .variable(let slot):
                body(.value(slot))
            case .plural(let slot, let branches):
                let number = values[slot].number ?? 0
                let category = rules.category(for: number)
                let branch = branches.first { $0.key == .exact(number) } ?? branches.first { $0.key == .category(category) }
                    ?? branches.first { $0.key.isOther }
                branch?.message.walk(values, plural: rules, pound: slot, body)
            case .select(let slot, let branches):
                let text = values[slot].text
                let branch = branches.first { !$0.key.isOther && $0.key.description == text } ?? branches.first { $0.key.isOther }
                branch?.message.walk(values, plural: rules, pound: pound, body)
            }
        }
    }

    private static let poundSign = Literal("#")
}
