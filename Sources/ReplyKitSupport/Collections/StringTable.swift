/// A map from strings to values, for the many short lookups of loading and linting (template
/// ids, texts of a pack): keys are hashed by a cheap FNV-1a of their UTF-8 and compared byte for
/// byte, where a `Dictionary` would run SipHash and compare by canonical equivalence.
///
/// Byte equality is what YAML and the rules mean by "the same": two keys that differ only in
/// Unicode normalization are different keys. Not for keys an attacker chooses to collide: a
/// pack built to collide only slows its own reading.
///
/// Inlinable, so a rule in another module gets a table specialized for its values rather than
/// generic code that goes through value witnesses for each of them.
@usableFromInline
package struct StringTable<Value> {
    /// 1 + the index in `keys`, `hashes` and `values` of each slot's entry; 0 for an empty slot. A power of two long,
    /// kept at most half full so probes stay short.
    @usableFromInline package var slots: [Int32]
    // Apart, so a probe reads hashes and keys without copying values (which may be large).
    @usableFromInline package var keys: [String] = []
    @usableFromInline package var hashes: [UInt64] = []
    @usableFromInline package var values: [Value] = []

    /// A table that holds `capacity` keys before it grows.
    @inlinable package init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        keys.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    @inlinable package var count: Int { keys.count }

    @inlinable package subscript(key: String) -> Value? {
        let slot = find(key, hash: Self.hash(key))
        return slots[slot] == 0 ? nil : values[Int(slots[slot]) - 1]
    }

    /// Adds `key` with `value`, unless it is already there; returns whether it was added.
    @inlinable @discardableResult
    package mutating func insert(_ key: String, _ value: Value) -> Bool {
        let hash = Self.hash(key)
        let slot = find(key, hash: hash)
        guard slots[slot] == 0 else { return false }
        keys.append(key)
        hashes.append(hash)
        values.append(value)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return true
    }

    /// Empties the table and keeps its room, for the next pack.
    @inlinable package mutating func removeAll() {
        guard !keys.isEmpty else { return }
        keys.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = 0 }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inlinable package func find(_ key: String, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash && Self.sameBytes(keys[entry], key) { break }
            slot = (slot + 1) & mask
        }
        return slot
    }

    @inlinable package mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    @inlinable package static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.withUTF8Bytes { a in b.withUTF8Bytes { b in a.count == b.count && a.elementsEqual(b) } }
    }

    @inlinable package static func hash(_ key: String) -> UInt64 {
        key.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            // FNV's low bits mix poorly: fold the high half in before masking.
            return hash ^ (hash >> 29)
        }
    }
}
