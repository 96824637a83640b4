/// What YAML tools other than ReplyKit may take a plain scalar for: YAML 1.2's core schema, and
/// YAML 1.1's booleans, numbers and dates, which many tools still read (a translation platform
/// may turn `no` into `false`).
package enum PlainScalar {
    /// `null`, `a boolean`, `a number` or `a date`; nil for text.
    package static func type(of text: String) -> String? {
        switch text {
        case "", "~", "null", "Null", "NULL": return "null"
        case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
             "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
            return "a boolean"
        default: break
        }
        // Only texts that start like a number or a date can be one; most texts are neither.
        guard let first = text.utf8.first, (0x30...0x39).contains(first) || "+-.".utf8.contains(first) else { return nil }
        let number = #/[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*|([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.(inf|Inf|INF))|\.(nan|NaN|NAN)/#
        if text.wholeMatch(of: number) != nil { return "a number" }
        if text.wholeMatch(of: #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?/#) != nil { return "a date" }
        return nil
    }
}
