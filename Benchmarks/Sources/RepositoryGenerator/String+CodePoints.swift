extension String {
    /// Replaces by code points, not by canonically equivalent characters: the generator writes text
    /// that is not in NFC on purpose. (A match of valid UTF-8 in valid UTF-8 starts and ends at code
    /// point boundaries, so bytes are compared.)
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        let bytes = Array(utf8)
        guard var match = bytes.offset(of: needle, from: 0) else { return self }
        var out: [UInt8] = []
        var index = 0
        while true {
            out += bytes[index..<match]
            out += replacement.utf8
            index = match + needle.count
            guard let next = bytes.offset(of: needle, from: index) else { break }
            match = next
        }
        out += bytes[index...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `needle` occurs, by code points.
    func contains(scalars needle: String) -> Bool {
        Array(utf8).offset(of: Array(needle.utf8), from: 0) != nil
    }
}

extension [UInt8] {
    /// Where `needle` (not empty) first occurs at or after `start`.
    func offset(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var index = start
        while index <= count - needle.count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
