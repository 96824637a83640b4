/// An upper bound of a template's worst-case weighted length, computed the way template-syntax.md
/// describes, so that generated replies can be brought near the limit without going over it.
///
/// It counts every code point by the twitter-text v3 weights (an emoji sequence counts each of its
/// code points, more than X counts) and a URL (up to a space or a non-ASCII character) as the larger
/// of its length and 23: never below what lint computes, and equal to it for text without emoji.
struct LengthEstimate {
    /// What a variable can weigh where it is written as `{name}`; for a number, also what `#` weighs.
    let widths: [String: Int]

    func weight(_ text: String, dm: Bool) -> Int {
        var scalars = Array(text.unicodeScalars)[...]
        return message(&scalars, number: nil) + (dm ? 24 : 0)
    }

    /// Reads up to the `}` that closes the enclosing branch (or the end), which it consumes.
    private func message(_ scalars: inout ArraySlice<Unicode.Scalar>, number: Int?) -> Int {
        var total = 0
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "}": return total
            case "{": total += argument(&scalars, number: number)
            case "#" where number != nil: total += number ?? 0
            case "h" where scalars.starts(with: "ttps://".unicodeScalars):
                var length = 1
                // twitter-text ends a URL at a space or at a letter of another script.
                while let next = scalars.first, next != " ", next != "\n", next.isASCII {
                    scalars.removeFirst()
                    length += 1
                }
                total += max(length, 23)
            default: total += Self.weight(of: scalar)
            }
        }
        return total
    }

    /// `{name}`, or `{name, plural|select, key {…} …}`: the opening brace is consumed.
    private func argument(_ scalars: inout ArraySlice<Unicode.Scalar>, number: Int?) -> Int {
        let name = Self.take(&scalars, upTo: [",", "}"])
        guard scalars.popFirst() == "," else { return widths[name] ?? 0 }
        let kind = Self.take(&scalars, upTo: [","])
        _ = scalars.popFirst()
        let branchNumber = kind == "plural" ? widths[name] : number
        var longest = 0
        while let scalar = scalars.popFirst(), scalar != "}" {
            if scalar == "{" { longest = max(longest, message(&scalars, number: branchNumber)) }
        }
        return longest
    }

    /// The text before the first of `stops`, spaces left out.
    private static func take(_ scalars: inout ArraySlice<Unicode.Scalar>, upTo stops: Set<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = scalars.first, !stops.contains(scalar) {
            if scalar != " " { text.append(scalar) }
            scalars.removeFirst()
        }
        return String(text)
    }

    /// twitter-text v3: these ranges weigh 1, every other code point 2.
    static func weight(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0...0x10FF, 0x2000...0x200D, 0x2010...0x201F, 0x2032...0x2037: 1
        default: 2
        }
    }
}
