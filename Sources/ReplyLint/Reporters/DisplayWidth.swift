/// How many terminal columns text takes, so that carets line up under CJK, emoji and tabs.
enum DisplayWidth {
    /// Tabs are shown as this many spaces in snippets (as rustc does).
    static let tabWidth = 4

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x09 { return tabWidth }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(value) ? 2 : 1
    }

    static func of<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + of($1) }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count / 2
        while low < high {
            let mid = (low + high) >> 1
            if value < wideRanges[2 * mid] {
                high = mid
            } else if value > wideRanges[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// A line as it is shown: tabs expanded to spaces, control characters dropped.
    static func shown(_ line: String) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                result += String(repeating: " ", count: tabWidth)
            } else if scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
