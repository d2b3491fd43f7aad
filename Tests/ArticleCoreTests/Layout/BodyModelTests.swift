import Foundation
import Testing
@testable import ArticleCore

@Suite struct BodyModelTests {
    static func units(_ lines: [String]) -> [TextUnit] {
        PageSegmenter.units(lines.joined(separator: "\n\n"))
    }

    @Test func generatedTreesOnlyReadFeaturesOfTheVector() {
        let m = LineFeatures.table(Self.units(["A headline", TestInput.prose(1)]))
        #expect(m.rows == 2 && m.values.count == 2 * LineFeatures.names.count)
        #expect(BodyModel.featureNames.count == BodyModel.width)
        let inner = (1 << BodyModel.depth) - 1
        #expect(BodyModel.splitFeatures.allSatisfy { Int($0) < BodyModel.width })
        #expect(BodyModel.splitFeatures.count == BodyModel.splitThresholds.count)
        #expect(BodyModel.splitFeatures.count % inner == 0)
        #expect(BodyModel.leafValues.count == BodyModel.splitFeatures.count / inner * (inner + 1))
    }

    /// Context column `name` of every row of the page made of `lines`.
    static func context(_ name: String, _ lines: [String]) -> [Double] {
        let units = Self.units(lines)
        let v = BodyModel.vectors(units, lines: LineFeatures.table(units))
        let c = BodyModel.featureNames.firstIndex(of: name)!
        return units.indices.map { v[$0 * BodyModel.width + c] }
    }

    @Test func theBodyVectorStartsWithTheLineFeaturesRow() {
        let units = Self.units(["Home", TestInput.prose(1), "Share"])
        let m = LineFeatures.table(units)
        let v = BodyModel.vectors(units, lines: m)
        #expect(v.count == 3 * BodyModel.width)
        for i in 0..<3 { #expect(Array(v[(i * BodyModel.width)..<(i * BodyModel.width + LineFeatures.width)]) == Array(m.row(i))) }
    }

    @Test func shortLinesThatOpenOrCloseAlikeAreCountedWhateverTheirDates() {
        let lines = ["by Ann on March 3, 2012. Reply", TestInput.prose(1), "by Bo Li on June 14, 2011. Reply", "Menu"]
        #expect(Self.context("first_word_repeats", lines) == [log1p(1), 0, log1p(1), 0])
        #expect(Self.context("last_word_repeats", lines) == [log1p(1), 0, log1p(1), 0])
    }

    @Test func datedShortLinesAfterTheArticleAreCountedAsStamps() {
        let lines = (1...4).map(TestInput.prose) + ["Jo on May 1, 2012 at 9:14 pm", "Agreed, it took far too long.",
                                                    "Al on May 2, 2012 at 8:00 am", "Reply"]
        let between = Self.context("stamps_between", lines)
        #expect(between[0] == 0 && between[7] == log1p(2))
        #expect(Self.context("stamps_near", lines)[5] == log1p(2))
    }

    @Test func aStreakOfShortLinesIsMeasuredAsAList() {
        let lines = ["Home", "World", "Sport", TestInput.prose(1), "Share"]
        #expect(Self.context("short_streak", lines) == [log1p(3), log1p(3), log1p(3), 0, log1p(1)])
    }

    @Test func eachLineKnowsHowMuchProseItsRunHolds() {
        let lines = ["Menu", TestInput.prose(1), TestInput.prose(2), "Share", TestInput.prose(3)]
        let share = Self.context("run_share", lines)
        #expect(share[0] == 0 && share[1] == 1 && share[2] == 1 && share[4] == 0.5)
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
