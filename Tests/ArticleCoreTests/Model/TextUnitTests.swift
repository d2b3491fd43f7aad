import Testing
@testable import ArticleCore

@Suite struct TextUnitTests {
    /// Lines whose title-case reading must not depend on whether the byte path or the Character path ran.
    static let lines = [
        "A Suburb Said No to Apartments for 50 Years. Then It Ran Out of Teachers.",
        "Ministers agree to widen the aid programme after long talks",
        "Élections Régionales: Les Résultats Dans Votre Commune",
        "Über Die Grenze Und Zurück Nach Hause",
        "CAPITALS EVERYWHERE IN THIS LONG LINE",
        "  Double  spaces   Between  Every Word Here  ",
        "Café Owners Fear New Rules",
        "Zoë Ball Hosts The Breakfast Show",
    ]

    @Test func titleCaseReadsTheSameOnBytesAsOnCharacters() {
        for line in Self.lines {
            var text = line
            let bytes = text.withUTF8(TextUnit.plainTitleCaseCounts)
            let reference = TextUnit.titleCaseCounts(line)
            #expect(bytes?.long == reference.long && bytes?.capitalised == reference.capitalised, "\(line)")
        }
    }

    @Test func titleCaseReadsTheSameOnBytesOnEveryFixtureLine() throws {
        for text in try TestInput.fixtureTexts() {
            for line in text.split(separator: "\n") {
                var copy = String(line)
                guard let bytes = copy.withUTF8(TextUnit.plainTitleCaseCounts) else { continue }
                let reference = TextUnit.titleCaseCounts(String(line))
                #expect(bytes.long == reference.long && bytes.capitalised == reference.capitalised, "\(line)")
            }
        }
    }

    @Test func titleCaseLinesAreTitleCaseAndSentencesAreNot() {
        #expect(TextUnit(text: Self.lines[0], block: 0, line: 1).isTitleCase)
        #expect(TextUnit(text: Self.lines[3], block: 0, line: 1).isTitleCase)
        #expect(!TextUnit(text: Self.lines[1], block: 0, line: 1).isTitleCase)
    }

    @Test func textWithCombiningMarksTakesTheCharacterPath() {
        // "e" + COMBINING ACUTE is one Character of two scalars: counting bytes or scalars would be wrong.
        var text = "Cafe\u{301} Owners Fear New Rules"
        #expect(text.withUTF8(TextUnit.plainTitleCaseCounts) == nil)
        #expect(TextUnit(text: text, block: 0, line: 1).isTitleCase)
    }
}
