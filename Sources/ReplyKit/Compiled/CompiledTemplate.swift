package import ReplyKitSupport
/// A template compiled for rendering: its variants' messages with the variables each needs, their
/// worst cases, and how it hands off to DMs. What `replykit compile` writes into a bundle.
package struct CompiledTemplate: Sendable, Hashable {
    package var id: String
    package var campaign: String?
    package var variants: [CompiledVariant]
    package var dm: Bool
    package var welcomeMessageID: String?
    /// Why it cannot be rendered, when it cannot (it does not parse, or uses undeclared variables).
    package var invalid: String?

    package init(id: String, campaign: String? = nil, variants: [CompiledVariant] = [], dm: Bool = false,
                 welcomeMessageID: String? = nil, invalid: String? = nil) {
        self.id = id
        self.campaign = campaign
        self.variants = variants
        self.dm = dm
        self.welcomeMessageID = welcomeMessageID
        self.invalid = invalid
    }
}

/// One variant: its text and the DM prefill, with the variables they use as slots.
package struct CompiledVariant: Sendable, Hashable {
    /// The variables the text and prefill use, in order of first use: a message's slots index it.
    package var names: [String]
    package var body: CompiledMessage
    package var prefill: CompiledMessage?
    /// The worst-case weighted length lint computed for the text, deep link excluded.
    package var bound: Int

    package init(names: [String], body: CompiledMessage, prefill: CompiledMessage?, bound: Int) {
        self.names = names
        self.body = body
        self.prefill = prefill
        self.bound = bound
    }

    /// Whether every slot of its messages names one of `names`, and branches nest at most
    /// ``CompiledMessage/maxDepth`` deep: what a bundle's variants must be to render.
    package var isWellFormed: Bool {
        body.isWellFormed(slots: names.count) && (prefill?.isWellFormed(slots: names.count) ?? true)
    }
}

extension CompiledMessage {
    package func isWellFormed(slots: Int, depth: Int = 0) -> Bool {
        guard depth < Self.maxDepth else { return false }
        return parts.allSatisfy { part in
            switch part {
            case .literal, .pound: true
            case .variable(let slot): (0..<slots).contains(slot)
            case .plural(let slot, let branches), .select(let slot, let branches):
                (0..<slots).contains(slot) && branches.allSatisfy { $0.message.isWellFormed(slots: slots, depth: depth + 1) }
            }
        }
    }
}
