/// Punycode (RFC 3492), only as far as twitter-text needs it: the length of a label once encoded.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700

    /// The length of `range` after IDNA's ToASCII as punycode.js does it: the label is split at
    /// U+3002, U+FF0E and U+FF61 (which IDNA treats as dots), each part with non-ASCII characters
    /// becomes `xn--` plus its punycode, and the parts are joined by dots. Nil when encoding overflows.
    static func encodedLabelLength(_ text: UTF16Text, _ range: Range<Int>) -> Int? {
        var total = 0
        var partStart = range.lowerBound
        var i = range.lowerBound
        while i <= range.upperBound {
            if i == range.upperBound || text[i] == 0x3002 || text[i] == 0xFF0E || text[i] == 0xFF61 {
                guard let length = encodedPartLength(text, partStart..<i) else { return nil }
                total += length + (partStart == range.lowerBound ? 0 : 1)
                partStart = i + 1
            }
            i += 1
        }
        return total
    }

    private static func encodedPartLength(_ text: UTF16Text, _ range: Range<Int>) -> Int? {
        var isASCII = true
        for i in range where text[i] >= 0x80 { isASCII = false; break }
        if isASCII { return range.count }
        var points: [UInt32] = []
        points.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let (value, length) = text.scalar(at: i)
            points.append(value)
            i += min(length, range.upperBound - i)
        }
        guard let encoded = encodedLength(points) else { return nil }
        return 4 + encoded
    }

    /// The number of ASCII characters RFC 3492's encoder writes for `input`.
    static func encodedLength(_ input: [UInt32]) -> Int? {
        var n: UInt32 = 0x80
        var delta = 0
        var bias = 72
        let basicCount = input.lazy.filter { $0 < 0x80 }.count
        var output = basicCount + (basicCount > 0 ? 1 : 0)
        var handled = basicCount
        let maxInt = Int(Int32.max)
        while handled < input.count {
            guard let m = input.lazy.filter({ $0 >= n }).min() else { return nil }
            let step = Int(m - n).multipliedReportingOverflow(by: handled + 1)
            guard !step.overflow, delta <= maxInt - step.partialValue else { return nil }
            delta += step.partialValue
            n = m
            for c in input {
                if c < n {
                    delta += 1
                    guard delta <= maxInt else { return nil }
                }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output += 1
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output += 1
                    bias = adapt(delta, handled + 1, firstTime: handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func adapt(_ delta: Int, _ numPoints: Int, firstTime: Bool) -> Int {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
