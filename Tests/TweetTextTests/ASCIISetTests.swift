@testable import TweetText
import Testing

/// The scanners' character sets are constant masks; these are the readable definitions they must equal.
@Suite struct ASCIISetTests {
    @Test(arguments: [
        ("punctuation", CharacterClass.punctuation, ASCIISet("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")),
        ("urlPrecedingExcluded", CharacterClass.urlPrecedingExcluded, ASCIISet("@$#", letters: true, digits: true)),
        ("pathGeneral", CharacterClass.pathGeneral, ASCIISet("!*';:=+,.$/%#[]-_~@|&", letters: true, digits: true)),
        ("pathEnding", CharacterClass.pathEnding, ASCIISet("+-=_#/", letters: true, digits: true)),
        ("query", CharacterClass.query, ASCIISet("!?*'@();:&=+$/%#[]-_.,~|", letters: true, digits: true)),
        ("queryEnding", CharacterClass.queryEnding, ASCIISet("-_&=#/", letters: true, digits: true)),
        ("mentionPrecedingExcluded", CharacterClass.mentionPrecedingExcluded,
         ASCIISet("_!#$%&*@", letters: true, digits: true)),
        ("retweetPrecedingExcluded", CharacterClass.retweetPrecedingExcluded,
         ASCIISet("_+~.-", letters: true, digits: true)),
    ])
    func masksMatchTheirDefinitions(name: String, constant: ASCIISet, definition: ASCIISet) {
        for unit in UInt16(0)..<UInt16(130) {
            #expect(constant.contains(unit) == definition.contains(unit), "\(name) differs at U+\(String(unit, radix: 16))")
        }
    }
}
