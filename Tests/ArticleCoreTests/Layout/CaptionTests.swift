import Testing
@testable import ArticleCore

@Suite struct CaptionTests {
    @Test(arguments: [
        ("Rescuers search the rubble in Kharkiv, May 16, 2022. (AP Photo/Bernat Armangue)",
         "Rescuers search the rubble in Kharkiv, May 16, 2022.", "AP Photo/Bernat Armangue"),
        ("Soldiers stand on their armored carrier in Izyum. (Anatolii Stepanov/AFP)",
         "Soldiers stand on their armored carrier in Izyum.", "Anatolii Stepanov/AFP"),
        ("Blinken gives a press conference in Jerusalem on Jan. 31, 2023. Photo by Alex Traiman.",
         "Blinken gives a press conference in Jerusalem on Jan. 31, 2023.", "Alex Traiman"),
        ("Protesters gather outside parliament in Kyiv (Reuters/Gleb Garanich)",
         "Protesters gather outside parliament in Kyiv", "Reuters/Gleb Garanich"),
        ("Firefighters at the scene of the blast on Monday. Photo: Getty Images",
         "Firefighters at the scene of the blast on Monday.", "Getty Images"),
        ("Ukrainian servicemen fire a howitzer near Bakhmut. Photograph: Libkos/AP",
         "Ukrainian servicemen fire a howitzer near Bakhmut.", "Libkos/AP"),
        ("The destroyed bridge over the river seen from the air. Credit: Maxar Technologies",
         "The destroyed bridge over the river seen from the air.", "Maxar Technologies"),
    ])
    func splitsTheCreditOffACaption(line: String, text: String, credit: String) {
        #expect(CaptionParser.parse(line) == Caption(text: text, credit: credit))
    }

    @Test(arguments: [
        "The ministry said it would respond (in due course) to the request.",
        "Officials said the talks, which began in March, had made progress on several fronts.",
        "He cited a Reuters/Ipsos poll published last week, which found broad support.",
    ])
    func leavesOrdinaryProseAlone(line: String) {
        #expect(CaptionParser.parse(line) == nil)
    }

    @Test func keepsCaptionsOutOfTheBodyAndRepeatedCaptionsOnce() throws {
        let caption = "Rescuers search the rubble in Kharkiv on Monday. (AP Photo/Bernat Armangue)"
        let text = ["Ministers agree to widen the aid programme after talks", TestInput.prose(1),
                    caption + "\n" + caption, TestInput.prose(2), caption, TestInput.prose(3)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.captions == [Caption(text: "Rescuers search the rubble in Kharkiv on Monday.", credit: "AP Photo/Bernat Armangue")])
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2), TestInput.prose(3)])
    }

    @Test func splitsAPhotoByCreditOffItsCaptionLine() throws {
        let text = ["Ministers agree to widen the aid programme after talks", TestInput.prose(1),
                    "Rescuers search the rubble in Kharkiv. Photo by Jane Roe.", TestInput.prose(2), TestInput.prose(3)]
            .joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.captions == [Caption(text: "Rescuers search the rubble in Kharkiv.", credit: "Jane Roe")])
        #expect(a.paragraphs.count == 3)
    }

    @Test func attachesACreditLineToTheCaptionLineAboveIt() throws {
        let text = ["Ministers agree to widen the aid programme after talks", TestInput.prose(1),
                    "Rescuers search the rubble in Kharkiv.\nPhoto: Getty Images", TestInput.prose(2)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.captions == [Caption(text: "Rescuers search the rubble in Kharkiv.", credit: "Getty Images")])
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
    }

    @Test func datesAPhotoOnlyStoryByItsLatestCaptionDate() throws {
        let text = ["Ministers agree to widen the aid programme after talks", TestInput.prose(1),
                    "A convoy leaves Lviv, March 2, 2023. (AP Photo/Emilio Morenatti)", TestInput.prose(2),
                    "A file photo from 3 February 2021. (Reuters/Staff)", TestInput.prose(3)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.publishedAt == "2023-03-02")
        #expect(a.publishedAtSource == .caption)
    }
}
