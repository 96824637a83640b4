import Testing
@testable import ReplyPreview

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
        ("nul\u{0}byte", "nul\u{FFFD}byte"),
        ("مرحبا 日本", "مرحبا 日本"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(HTMLText.escaped(input) == expected)
    }
}
