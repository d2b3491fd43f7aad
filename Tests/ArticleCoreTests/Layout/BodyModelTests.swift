import Testing
@testable import ArticleCore

@Suite struct BodyModelTests {
    static func units(_ lines: [String]) -> [TextUnit] {
        PageSegmenter.units(lines.joined(separator: "\n\n"))
    }

    @Test func generatedWeightsMatchTheFeatureVector() {
        #expect(BodyModel.weights.count == LineFeatures.names.count)
        let m = LineFeatures.table(Self.units(["A headline", TestInput.prose(1)]))
        #expect(m.rows == 2 && m.values.count == 2 * LineFeatures.names.count)
    }

    @Test func theLongestProseRunSpansTheArticleNotTheMenus() {
        let lines = ["Home", "World", "Sport", "Ministers agree to widen the aid programme after long talks"]
            + (1...4).map(TestInput.prose) + ["Advertisement"] + (5...6).map(TestInput.prose)
            + ["Contact us", "Privacy", "Terms", "Careers", "Newsletters"]
        let m = LineFeatures.table(Self.units(lines))
        let inRun = LineFeatures.names.firstIndex(of: "in_prose_run")!
        #expect((0..<m.rows).filter { m.value($0, inRun) == 1 } == Array(4..<11))
    }

    @Test func aLineRepeatedOnThePageIsMarkedAsRepeated() {
        let m = LineFeatures.table(Self.units(["Share", TestInput.prose(1), "Share"]))
        let repeated = LineFeatures.names.firstIndex(of: "repeated")!
        #expect((0..<3).map { m.value($0, repeated) } == [1, 0, 1])
    }

    @Test func functionWordsOfAnyKnownLanguageCountAsProseEvidence() {
        let stop = LineFeatures.names.firstIndex(of: "stop_ratio")!
        let german = LineFeatures.table(Self.units(["Die Regierung hat sich mit der Opposition auf einen Plan für die Schulen geeinigt."]))
        let menu = LineFeatures.table(Self.units(["Politik Wirtschaft Sport Kultur Wetter"]))
        #expect(german.value(0, stop) > 0.3)
        #expect(menu.value(0, stop) == 0)
    }

    @Test func functionWordsCountWhateverTheirCase() {
        let stop = LineFeatures.names.firstIndex(of: "stop_ratio")!
        // Eight words, four of them function words once lowercased, one of them non-ASCII ("Für").
        let m = LineFeatures.table(Self.units(["Für Schulen UND Kinder: THE Plan Of Ministers"]))
        #expect(m.value(0, stop) == 4.0 / 8.0)
    }

    @Test func webAddressesAndTimesAreSeenAnywhereInTheLine() {
        let web = LineFeatures.names.firstIndex(of: "web_marks")!
        let time = LineFeatures.names.firstIndex(of: "year_or_time")!
        let m = LineFeatures.table(Self.units(["Write to desk@example.org", "Updated 10:45", "Read more at example.com", "Filed in 1999"]))
        #expect((0..<4).map { m.value($0, web) } == [1, 0, 1, 0])
        #expect((0..<4).map { m.value($0, time) } == [0, 1, 0, 1])
    }

    @Test func metadataFormatsAreNotFilteredByTheModel() throws {
        let md = "---\ntitle: Ministers agree\n---\n\nShort note.\n\n" + TestInput.prose(1)
        let a = try TestInput.article(md, path: "inbox/a.md")
        #expect(a.paragraphs.first == "Short note.")
    }
}
