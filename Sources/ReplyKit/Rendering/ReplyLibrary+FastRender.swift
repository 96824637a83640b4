import Foundation
internal import TweetText

extension ReplyLibrary {
    /// The reply, when every value is plain ASCII and every seam is a wall (``RenderPlan``); nil
    /// sends the request down the general path, which counts everything and names any error.
    func renderFast(_ template: String, locale: String?, values: [String: ReplyValue],
                    key: String?, variant: Int?, at date: Date?) -> Reply? {
        guard let entry = fast[template],
              let prepared = locale.map({ entry.byLocale[$0] }) ?? entry.byDefault else { return nil }
        let brand = entry.brand
        let variants = prepared.plans.get(prepared, brand: brand)
        if let campaign = variants.campaign {
            guard brand.campaigns[campaign]?.isOpen(at: (date ?? Date()).timeIntervalSince1970) == true else { return nil }
        }
        let index = variant ?? StableHash.variant(for: key, count: variants.all.count)
        guard variants.all.indices.contains(index) else { return nil }
        let fast = variants.all[index]
        guard let plan = fast.body else { return nil }

        // Every name the template uses must have a value; any other must still be a declared variable.
        if values.count > fast.rules.count {
            for name in values.keys where brand.rules[name] == nil { return nil }
        }
        // The checked values live on the stack: most renders then allocate only the reply.
        return withUnsafeTemporaryAllocation(of: String.self, capacity: fast.rules.count) { storage in
            var checked = 0
            defer { storage.baseAddress.map { _ = $0.deinitialize(count: checked) } }
            for rule in fast.rules {
                guard let rule, let value = values[rule.name], let text = rule.plainText(value) else { return nil }
                (storage.baseAddress! + checked).initialize(to: text)
                checked += 1
            }
            return assemble(entry, prepared, fast, plan, UnsafeBufferPointer(storage), index: index)
        }
    }

    private func assemble(_ entry: FastTemplate, _ prepared: Prepared, _ fast: FastVariant, _ plan: RenderPlan,
                          _ texts: UnsafeBufferPointer<String>, index: Int) -> Reply? {
        let brand = entry.brand
        let body = plan.choose(texts, plural: prepared.plural)
        guard body.seamsHold else { return nil }
        var weight = body.weight
        var byteCount = body.bytes.count
        for slot in body.slots {
            weight += texts[slot].utf8.count
            byteCount += texts[slot].utf8.count
        }

        var prefill: RenderPlan.Skeleton?
        var encoded = 0
        var linkCount = 0
        if fast.dm {
            guard let prefix = brand.linkPrefix, brand.separatorIsWall else { return nil }
            if let plan = fast.prefill {
                let skeleton = plan.choose(texts, plural: prepared.plural)
                guard skeleton.staysNFC else { return nil }
                prefill = skeleton
                encoded = skeleton.encodedCount(texts)
            } else if fast.hasPrefill {
                return nil
            }
            linkCount = prefix.count + (encoded > 0 ? 6 + encoded : 0) + fast.welcome.count
            // twitter-text stops a URL at 4,096 characters: count such a link the general way.
            guard linkCount <= 4000 else { return nil }
            weight += brand.linkWeight
            byteCount += brand.separator.count + linkCount
        }
        guard weight <= brand.maxLength, weight <= fast.bound, byteCount > 0 else { return nil }

        let text = String(unsafeUninitializedCapacity: byteCount) { buffer in
            var out = ByteWriter(buffer.baseAddress!)
            body.bytes.withUnsafeBufferPointer { bytes in
                for (offset, slot) in body.slots.enumerated() {
                    out.write(UnsafeBufferPointer(rebasing: bytes[body.run(offset)]))
                    out.write(texts[slot])
                }
                out.write(UnsafeBufferPointer(rebasing: bytes[body.run(body.slots.count)]))
            }
            if fast.dm, let prefix = brand.linkPrefix {
                out.write(brand.separator)
                out.write(prefix)
                if let prefill, encoded > 0 {
                    out.write(DeepLink.textParameter)
                    prefill.bytes.withUnsafeBufferPointer { bytes in
                        for (offset, slot) in prefill.slots.enumerated() {
                            out.encode(UnsafeBufferPointer(rebasing: bytes[prefill.run(offset)]))
                            out.encode(texts[slot])
                        }
                        out.encode(UnsafeBufferPointer(rebasing: bytes[prefill.run(prefill.slots.count)]))
                    }
                }
                out.write(fast.welcome)
            }
            return out.count(from: buffer.baseAddress!)
        }
        // twitter-text ends a URL before a `.` or `~` it ends with: count such a link the general way.
        if fast.dm, let last = text.utf8.last, !Self.endsURL(last) { return nil }
        return Reply(text: text, weightedLength: weight, limit: brand.maxLength, locale: prepared.tag,
                     template: entry.id, variant: index, deepLinkLength: fast.dm ? linkCount : nil)
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

extension RenderPlan.Skeleton {
    /// The length of the text percent-encoded.
    func encodedCount(_ texts: UnsafeBufferPointer<String>) -> Int {
        var count = 0
        for byte in bytes { count += DeepLink.isUnreserved(byte) ? 1 : 3 }
        for slot in slots { for byte in texts[slot].utf8 { count += DeepLink.isUnreserved(byte) ? 1 : 3 } }
        return count
    }
}

extension RenderPlan {
    /// Follows the selects and plurals with the checked values, as the general path does.
    func choose(_ texts: UnsafeBufferPointer<String>, plural rules: PluralRules) -> Skeleton {
        var node = root
        while node >= 0 {
            let decision = decisions[node]
            let text = texts[decision.slot]
            var choice: Int?
            if decision.plural {
                let number = Int(text) ?? 0
                choice = exact[decision.keys].firstIndex(of: number)
                if choice == nil { choice = categories[decision.keys].firstIndex(of: rules.category(for: number)) }
            } else {
                choice = values[decision.keys].firstIndex(of: text)
            }
            node = children[decision.firstChild + (choice.map { $0 - decision.keys.lowerBound } ?? decision.fallback)]
        }
        return skeletons[-1 - node]
    }
}
