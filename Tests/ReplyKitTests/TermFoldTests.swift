@testable import ReplyKit
import Testing
@testable import ReplyCompiler
@testable import ReplyKitSupport

/// Folding below U+3000 reads a table made once: it must fold every scalar as Unicode's properties do.
@Suite struct TermFoldTests {
    @Test func tableFoldsAsThePropertiesDo() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TermMatcher.fold(scalar) != TermMatcher.foldByProperties(scalar) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(TermMatcher.fold("Ä") == "ä" && TermMatcher.fold("Σ") == "σ" && TermMatcher.fold("’") == "'")
    }
}
