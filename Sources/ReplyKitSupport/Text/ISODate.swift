/// Parses the dates of campaign windows: `2026-12-01` (00:00 UTC) or `2026-12-15T23:59:59-05:00`
/// (`Z` or an offset required; fractional seconds allowed). `render --at` and batch lines read the
/// same forms.
public enum ISODate {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not such a date.
    public static func parse(_ text: String) -> Double? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= s.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard (0x30...0x39).contains(s[k]) else { return nil }
                value = value * 10 + Int(s[k] - 0x30)
            }
            i += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < s.count, s[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if i == s.count { return seconds }
        guard expect(0x54) || expect(0x74) || expect(0x20),
              let hour = number(2), expect(0x3A), let minute = number(2), expect(0x3A), let second = number(2),
              hour < 24, minute < 60, second < 61
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        if expect(0x2E) {
            var scale = 0.1
            let start = i
            while i < s.count, (0x30...0x39).contains(s[i]) {
                seconds += Double(s[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        if expect(0x5A) || expect(0x7A) { return i == s.count ? seconds : nil }
        guard i < s.count, s[i] == 0x2B || s[i] == 0x2D else { return nil }
        let sign: Double = s[i] == 0x2D ? -1 : 1
        i += 1
        guard let offsetHours = number(2), expect(0x3A), let offsetMinutes = number(2), i == s.count,
              offsetHours < 24, offsetMinutes < 60
        else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// `seconds` since 1970-01-01T00:00:00Z as `2026-12-01T09:30:00Z`, whole seconds (rounded down),
    /// as ISO8601DateFormatter writes it for dates since 1582 (proleptic Gregorian before, as
    /// ``parse(_:)`` reads them).
    public static func format(_ seconds: Double) -> String {
        let whole = seconds.isFinite ? Int(Swift.max(Swift.min(seconds.rounded(.down), 9.0e15), -9.0e15)) : 0
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let time = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(time / 3600, 2)):\(pad(time / 60 % 60, 2)):\(pad(time % 60, 2))Z"
    }

    /// The proleptic Gregorian date of a count of days since 1970-01-01 (the inverse of
    /// ``daysFromCivil(year:month:day:)``).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
