import Foundation
import ReplyKitSupport
import Testing

@Suite struct ISODateTests {
    /// Campaign refusals name the time in the words ISO8601DateFormatter would use, without making
    /// one per refusal. (Before 1582 Foundation counts Julian dates; campaign dates are Gregorian.)
    @Test(arguments: [
        0.0, 1.0, 86_399.9, 86_400, 951_782_400, 951_868_799, 1_790_000_000, 1_798_761_599,
        -1, -86_400, -86_401, -12_219_292_800, 253_402_300_799,
    ])
    func formatsAsFoundationDoes(_ seconds: Double) {
        let foundation = ISO8601DateFormatter()
        #expect(ISODate.format(seconds) == foundation.string(from: Date(timeIntervalSince1970: seconds)))
    }

    @Test func formatAndParseAgreeOverFourHundredYears() {
        // One moment a little over every 11 days, across leap years, centuries and 2000.
        var seconds = -2_208_988_800.0  // 1900-01-01
        while seconds < 10_413_792_000 {  // 2300-01-01
            let text = ISODate.format(seconds)
            #expect(ISODate.parse(text) == seconds, "\(text)")
            seconds += 987_654
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300])
    func formatsAnyNumberWithoutTrapping(_ seconds: Double) {
        #expect(ISODate.format(seconds).hasSuffix("Z"))
    }
}
