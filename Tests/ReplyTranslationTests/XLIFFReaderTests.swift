import Foundation
import ReplyTranslation
import Testing

@Suite struct XLIFFReaderTests {
    static func document(_ segments: String) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="es-MX">
              <file id="acme">
                <unit id="greet">
                  \(segments)
                </unit>
              </file>
            </xliff>
            """.utf8)
    }

    @Test func writerAndReaderAgreeOnEveryCharacter() throws {
        let texts = ["a < b & c > d", "line\nbreak\r\nand\ttab", "bell\u{7}and\u{1}", "emoji 👩‍💻 and \u{FFFF}", "  spaces  "]
        let units = texts.enumerated().map { index, text in
            TranslationUnit(id: "t\(index)", template: "t\(index)", isPrefill: false,
                            segments: [TranslationSegment(id: "v1", source: text, target: text + "!", state: .translated)],
                            notes: [TranslationNote(category: "description", text: "note with \u{1} & <")])
        }
        let written = XLIFFWriter.write(TranslationDocument(sourceLocale: "en-US", targetLocale: "es-MX",
                                                            files: [TranslationFile(brand: "acme", original: nil, units: units)]))
        #expect(written.contains("<cp hex=\"0007\"/>"))
        #expect(written.contains("note with U+0001 &amp; &lt;"))
        let (document, problems) = try XLIFFReader.read(Array(written.utf8)).get()
        #expect(problems.isEmpty)
        let read = document.files.first?.units.map { $0.segments[0] } ?? []
        #expect(read.map(\.source) == texts)
        #expect(read.map(\.target) == texts.map { $0 + "!" })
    }

    @Test func markupTheExportDidNotWriteIsAProblemOfItsUnit() throws {
        let bytes = Self.document("""
            <segment id="v1" state="translated"><source>Hi</source><target>Hola <ph id="1"/> amigo <mrk id="m" type="term">x</mrk></target></segment>
            """)
        let (document, problems) = try XLIFFReader.read(bytes).get()
        #expect(problems.map(\.unit) == ["greet"])
        #expect(problems.first?.message.contains("<ph>") == true)
        // Text inside <mrk> is the target's text.
        #expect(document.files.first?.units.first?.segments.first?.target == "Hola  amigo x")
    }

    @Test(arguments: [
        "<!DOCTYPE xliff SYSTEM \"http://example.com/x.dtd\">",
        "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
    ])
    func documentTypesAreRefusedUnread(_ doctype: String) {
        var text = String(decoding: Self.document("<segment><source>a</source><target>b</target></segment>"), as: UTF8.self)
        text = text.replacingOccurrences(of: "<xliff ", with: doctype + "\n<xliff ")
        guard case .failure(let failure) = XLIFFReader.read(Array(text.utf8)) else {
            Issue.record("read a file with a document type")
            return
        }
        #expect(failure.message.contains("document type declaration"))
    }

    @Test func boundsAreEnforced() {
        var limits = XLIFFReader.Limits()
        limits.maxTextBytes = 8
        let long = Self.document("<segment><source>0123456789</source></segment>")
        guard case .failure(let failure) = XLIFFReader.read(long, limits: limits) else {
            Issue.record("read a text over the limit")
            return
        }
        #expect(failure.message.contains("longer than"))
        limits = XLIFFReader.Limits()
        limits.maxUnits = 0
        #expect((try? XLIFFReader.read(long, limits: limits).get()) == nil)
    }

    @Test func otherVersionsAndMalformedFilesAreRefused() {
        let old = Array("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file/></xliff>".utf8)
        #expect((try? XLIFFReader.read(old).get()) == nil)
        #expect((try? XLIFFReader.read(Array("<xliff".utf8)).get()) == nil)
    }
}
