@testable import ArticleCore
import Testing
import TextKit

/// The byte-level passes over lines must give what the Character-level code they replaced gave.
@Suite struct ByteLevelLineTests {
    /// The trimming `BoilerplateRules.verdict` did on Characters.
    static func characterTrim(_ line: String) -> Substring {
        var bare = Substring(line)
        while let last = bare.last, ".:!?,;|-\u{2026}>\u{00BB}".contains(last) || last == " " { bare.removeLastCharacter() }
        return bare
    }

    @Test(arguments: [
        "read more", "read more:", "share \u{00BB}", "more \u{2026}", "menu .", "a", ".", "...", "", " - ", "x\u{301}.",
        ".\u{301}", "caf\u{E9}.", "\u{600}.", "\u{600}", "ab\u{600}..", "word\u{301}:", "\u{2026}...", "\u{00BB}>|",
        "\r\n.", "end \u{1F600}.",
    ])
    func trailingMarksAreTrimmedAsCharacters(line: String) {
        #expect(BoilerplateRules.withoutTrailingMarks(line) == Self.characterTrim(line))
    }

    @Test func segmenterCollapsesSpacesAndTabsAsTheLineFunctionDoes() {
        let text = "  Headline\there  \n\n\t\n By  Jane\t\tDoe \nPara\u{301} one .\n \n\nlast line\n"
        let units = PageSegmenter.units(text)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TextFold.collapseSpaces($0) }.filter { !$0.isEmpty }
        #expect(units.map(\.text) == expected)
        #expect(units.map(\.line) == [1, 4, 5, 8])
        #expect(units.map(\.block) == [0, 1, 1, 2])
        #expect(PageSegmenter.units("").isEmpty && PageSegmenter.units(" \t\n\n").isEmpty)
    }

    @Test func dayAndYearTokensAreReadOnlyFromDigits() {
        func token(_ s: String) -> DateScanner.Token { .init(text: Substring(s), lower: s.lowercased(), gap: "") }
        #expect(DateScanner.day(token("3rd")) == 3 && DateScanner.day(token("31")) == 31 && DateScanner.day(token("th")) == nil)
        #expect(DateScanner.day(token("x1")) == nil && DateScanner.day(token("32")) == nil)
        #expect(DateScanner.year(token("2024")) == 2024 && DateScanner.year(token("20245")) == 2024)
        #expect(DateScanner.year(token("y2024")) == nil && DateScanner.year(token("1899")) == nil)
        #expect(DateScanner.month(token("Sept")) == 9 && DateScanner.month(token("décembre")) == 12)
        #expect(DateScanner.month(token("septiembres")) == nil && DateScanner.month(token("ma")) == nil)
    }
}
