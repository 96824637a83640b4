internal import TweetText

/// What a message renders to with checked values: the pieces its program walks to, measured once,
/// written once into the reply, and what it takes to count them without counting the reply.
struct ReplyAssembly {
    let program: MessageProgram
    let values: [CheckedValue]
    let plural: PluralRules
    /// The text's size in UTF-8 bytes.
    private(set) var bytes = 0
    /// The literals' weights plus the values' weights: the text's weight when ``seamsHold``.
    private(set) var weight = 0
    /// Every value is sealed and nothing twitter-text sees can cross a seam between two pieces (so
    /// the text is NFC, too).
    private(set) var seamsHold = true
    /// Every value is sealed and every piece after another starts with a scalar that composes with
    /// nothing: the text is NFC as it is (weaker than ``seamsHold``, which counting needs).
    private(set) var staysNFC = true
    /// The text's size once percent-encoded, when measured for a DM prefill.
    private(set) var encodedBytes = 0

    init(_ program: MessageProgram, values: [CheckedValue], plural: PluralRules, encoded: Bool = false) {
        self.program = program
        self.values = values
        self.plural = plural
        measure(encoded: encoded)
    }

    /// One walk: sizes, weights and the seams between pieces, from the program's tables.
    private mutating func measure(encoded: Bool) {
        enum Previous { case none, value, literal(Literal.Edges) }
        var previous = Previous.none
        var isFirst = true
        // A literal after a value needs what follows it to know whether it opens hard.
        var pendingOpen: Literal.Edges?
        var bytes = 0, weight = 0, holds = true, encodedBytes = 0, nfc = true
        let values = self.values
        let program = self.program
        program.walk(values, plural: plural) { piece in
            if let pending = pendingOpen {
                holds = holds && pending.opensAfterValue
                pendingOpen = nil
            }
            if encoded {
                encodedBytes += DeepLink.encodedCount(program.text(of: piece, values))
            }
            let edges: Literal.Edges
            switch piece {
            case .value(let slot):
                let value = values[slot]
                bytes += value.bytes
                weight += value.weight
                holds = holds && value.sealed
                nfc = nfc && value.sealed
                if case .literal(let before) = previous {
                    holds = holds && (isFirst ? before.closesBeforeValueAtStart : before.closesBeforeValue)
                }
                isFirst = false
                previous = .value
                return
            case .literal(let index):
                bytes += program.sizes[index]
                weight += program.weights[index]
                edges = program.edges[index]
            case .poundSign:
                bytes += 1
                weight += 1
                edges = Self.poundEdges
            }
            switch previous {
            case .value:
                holds = holds && edges.composesNothing
                nfc = nfc && edges.composesNothing
                pendingOpen = edges
            case .literal(let before):
                holds = holds && (before.endsWithWall || edges.startsWithWall || edges.startsWithFullStop)
                    && edges.composesNothing
                nfc = nfc && edges.composesNothing
            case .none:
                break
            }
            if case .none = previous {} else { isFirst = false }
            previous = .literal(edges)
        }
        if let pending = pendingOpen { holds = holds && pending.opensAfterValueAtEnd }
        (self.bytes, self.weight, self.seamsHold, self.encodedBytes) = (bytes, weight, holds, encodedBytes)
        staysNFC = nfc
    }

    private static let poundEdges = Literal("#").edges

    /// Calls `body` with the text of every piece, in order.
    func forEachText(_ body: (String) -> Void) {
        let values = self.values
        let program = self.program
        program.walk(values, plural: plural) { body(program.text(of: $0, values)) }
    }

    /// The text, as one string.
    func text() -> String {
        var text = ""
        text.reserveCapacity(bytes)
        forEachText { text += $0 }
        return text
    }

    /// The reply: the text, then the deep link when there is one. Written into storage of the size
    /// measured, every write checked against it.
    func write(then link: LinkAssembly?) throws(RenderError) -> String {
        var total = bytes
        if let link { total += link.separator.utf8.count + link.byteCount }
        guard total > 0 else { return "" }
        var complete = false
        let text = String(unsafeUninitializedCapacity: total) { buffer in
            var writer = BoundedWriter(buffer)
            forEachText { writer.write($0) }
            link?.write(into: &writer)
            complete = !writer.overflowed && writer.count == total
            return writer.count
        }
        guard complete else {
            throw RenderError(.internalError, "the reply did not come out the size it was measured at: please report this")
        }
        return text
    }

    /// The reply's weight from the pieces' weights, when adding them is exact: the seams hold, and
    /// a link after a separator that is a wall counts as one URL of 23.
    func precountedWeight(link: LinkAssembly?, text: String) -> Int? {
        guard seamsHold else { return nil }
        guard let link else { return weight }
        // twitter-text stops a URL at 4,096 characters, and ends one before a `.` or `~` it ends with.
        guard link.separatorIsWall, link.byteCount <= 4000, let last = text.utf8.last, Self.endsURL(last) else {
            return nil
        }
        return weight + link.weight
    }

    /// Refuses values that join the literal text into an entity their variable does not allow
    /// (`{name}.com`): the entities of the text, against where each value went (UTF-16).
    func checkJoins(with names: [String], brand: ReplyLibrary.BrandEntry) throws(RenderError) {
        var text = ""
        text.reserveCapacity(bytes)
        var placed: [(slot: Int, range: Range<Int>)] = []
        var length = 0
        let values = self.values
        let program = self.program
        program.walk(values, plural: plural) { piece in
            let written = program.text(of: piece, values)
            let count = written.utf16.count
            if case .value(let slot) = piece { placed.append((slot, length..<length + count)) }
            text += written
            length += count
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
