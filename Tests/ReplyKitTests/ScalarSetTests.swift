import ReplyKit
@testable import ReplyKitSupport
import Testing
import ReplyCompiler

/// The bitmaps must answer exactly as Unicode's property tables do, in the BMP and above it.
@Suite struct ScalarSetTests {
    static let sets: [(String, ScalarSet, @Sendable (Unicode.Scalar) -> Bool, member: Unicode.Scalar, other: Unicode.Scalar)] = [
        ("uppercase", .uppercase, { $0.properties.isUppercase }, "Ä", "ä"),
        ("format", .format, { $0.properties.generalCategory == .format }, "\u{200B}", "a"),
        ("caseless", .caseless, { !$0.properties.changesWhenLowercased }, "注", "Ä"),
    ]

    @Test(arguments: 0..<3)
    func agreesWithUnicodeProperties(_ index: Int) {
        let (name, set, property, member, other) = Self.sets[index]
        var disagreements: [UInt32] = []
        // Every BMP scalar, and a sample above it (emoji, supplementary CJK, tags).
        for value in Array(0..<UInt32(0x10000)) + Array(stride(from: UInt32(0x10000), to: 0xE0080, by: 7)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if set.contains(scalar) != property(scalar) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(name): \(disagreements.prefix(5))")
        #expect(set.contains(member) && !set.contains(other))
    }
}
