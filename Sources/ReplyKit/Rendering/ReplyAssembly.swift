internal import TweetText
package import ReplyKitSupport

/// What a message renders to with checked values: the pieces it walks to, written once into the
/// reply, and what it takes to count them without counting the reply.
package struct ReplyAssembly {
    package let body: CompiledMessage
    package let values: [CheckedValue]
    package let plural: PluralRules
    /// The body's size in UTF-8 bytes.
    private(set) var bytes = 0
    /// The body's literals' weights plus its values' bytes: its weight when ``seamsHold``.
    private(set) var weight = 0
    /// Every value is plain and nothing twitter-text sees can cross a seam between two pieces.
    private(set) var seamsHold = true

    package init(body: CompiledMessage, values: [CheckedValue], plural: PluralRules) {
        self.body = body
        self.values = values
        self.plural = plural
        measure()
    }

    private mutating func measure() {
        var previous: CompiledMessage.Piece?
        var isFirst = true
        // A literal after a value needs what follows it to know whether it opens hard.
        var pendingOpen: Literal.Edges?
        var bytes = 0, weight = 0, holds = true
        let values = self.values
        body.walk(values, plural: plural) { piece in
            if let pending = pendingOpen {
                holds = holds && pending.opensAfterValue
                pendingOpen = nil
            }
            switch piece {
            case .literal(let literal):
                bytes += literal.text.utf8.count
                weight += literal.weight
                switch previous {
                case .value?:
                    holds = holds && literal.edges.composesNothing
                    pendingOpen = literal.edges
                case .literal(let before)?:
                    let edges = literal.edges
                    holds = holds && (before.edges.endsWithWall || edges.startsWithWall || edges.startsWithFullStop)
                        && edges.composesNothing
                case nil:
                    break
                }
            case .value(let slot):
                let value = values[slot]
                bytes += value.text.utf8.count
                weight += value.text.utf8.count
                holds = holds && value.plain
                if case .literal(let before)? = previous {
                    holds = holds && (isFirst ? before.edges.closesBeforeValueAtStart : before.edges.closesBeforeValue)
                }
            }
            if case .literal? = previous { isFirst = false }
            if case .value = piece { isFirst = false }
            previous = piece
        }
        if let pending = pendingOpen { holds = holds && pending.opensAfterValueAtEnd }
        (self.bytes, self.weight, self.seamsHold) = (bytes, weight, holds)
    }

    /// The reply: the body, then `separator` and `link` when there is a link. Written into storage
    /// of the exact size, every write checked against it.
    package func write(separator: String?, link: String?) throws(RenderError) -> String {
        var total = bytes
        if let separator, let link { total += separator.utf8.count + link.utf8.count }
        guard total > 0 else { return "" }
        var complete = false
        let text = String(unsafeUninitializedCapacity: total) { buffer in
            var writer = BoundedWriter(buffer)
            body.walk(values, plural: plural) { piece in
                switch piece {
                case .literal(let literal): writer.write(literal.text)
                case .value(let slot): writer.write(values[slot].text)
                }
            }
            if let separator, let link {
                writer.write(separator)
                writer.write(link)
            }
            complete = !writer.overflowed && writer.count == total
            return writer.count
        }
        guard complete else {
            throw RenderError(.internalError, "the reply did not come out the size it was measured at: please report this")
        }
        return text
    }

    /// The reply's weight from the pieces' weights, when adding them is exact: the seams hold, and
    /// a link (after a separator that is a wall) counts as one URL of 23.
    package func precountedWeight(link: String?, brand: ReplyLibrary.BrandEntry) -> Int? {
        guard seamsHold else { return nil }
        guard let link else { return weight }
        // twitter-text stops a URL at 4,096 characters, and ends one before a `.` or `~` it ends with.
        guard brand.separatorIsWall, link.utf8.count <= 4000, let last = link.utf8.last, Self.endsURL(last) else {
            return nil
        }
        return weight + brand.linkWeight
    }

    /// Refuses values that join the literal text into an entity their variable does not allow
    /// (`{name}.com`): the entities of the body, against where each text value went (UTF-16).
    package func checkJoins(with names: [String], brand: ReplyLibrary.BrandEntry) throws(RenderError) {
        var text = ""
        text.reserveCapacity(bytes)
        var placed: [(slot: Int, range: Range<Int>)] = []
        var length = 0
        body.walk(values, plural: plural) { piece in
            switch piece {
            case .literal(let literal):
                text += literal.text
                length += literal.text.utf16.count
            case .value(let slot):
                let value = values[slot].text
                let count = value.utf16.count
                placed.append((slot, length..<length + count))
                text += value
                length += count
            }
        }
        guard !placed.isEmpty else { return }
        let units = Array(text.utf16)
        for entity in TwitterText.extractEntities(text) {
            for (slot, range) in placed where range.overlaps(entity.range) {
                guard names.indices.contains(slot), let checker = brand.checkers[names[slot]],
                      case .text(let rules) = checker.variable.kind else { continue }
                let kind = ValueChecker.kind(of: entity)
                if !rules.allow.contains(kind) {
                    let shown = String(decoding: units[max(0, entity.range.lowerBound)..<min(units.count, entity.range.upperBound)], as: UTF16.self)
                    throw RenderError(.joinsEntity, "the value of `\(names[slot])` joins the text into the \(ValueChecker.name(of: kind)) `\(shown)`", variable: names[slot])
                }
            }
        }
    }

    /// twitter-text's `validUrlQueryEndingChars` and path endings, as far as a deep link can end.
    private static func endsURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "="),
             UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "#"): true
        default: false
        }
    }
}
