import Testing
@testable import ArticleCore

/// Failure classes seen on the realpages dev split, each rebuilt as a small article written for the test
/// (no page text is copied): what the body model has to get right on layouts the rules were not written for.
@Suite struct RealPageFailureTests {
    static let headline = "Council approves the new river crossing after a decade of delay"
    static let paragraphs = [
        "The city council voted on Tuesday night to approve a new bridge across the river, ending a dispute that has lasted more than ten years.",
        "The crossing will carry buses, bicycles and pedestrians, and engineers expect construction to begin next spring if the funding holds.",
        "Opponents argued that the money would be better spent on repairing the roads that residents already use every day.",
        "The mayor said the vote showed that the city could still take long-term decisions, and thanked the residents who had waited so long.",
    ]

    @Test func readerCommentsAfterTheArticleAreNotBody() throws {
        let comments = [
            "14 comments", "Leave a reply",
            "riverwatcher42 on March 3, 2012 at 9:14 pm", "Finally!!! about time lol", "Reply",
            "Tom B. on March 3, 2012 at 10:02 pm", "total waste of money imo, fix the potholes first", "Reply",
            "Post a comment", "Name (required)", "Email (will not be published)", "Website", "Submit Comment",
        ]
        let a = try TestInput.article(([Self.headline] + Self.paragraphs + comments).joined(separator: "\n\n"))
        #expect(a.title == Self.headline)
        #expect(a.paragraphs == Self.paragraphs)
    }

    @Test func aThreadOfProseLengthCommentsUnderTheArticleIsNotBody() throws {
        let comments = [
            "3 comments",
            "I have lived beside that river for thirty years and the traffic on the old bridge has only got worse, every single winter without fail.",
            "by Margaret Hill on March 3, 2012 at 9:14 pm. Reply",
            "Nobody asked the people who actually live on the east bank whether they wanted buses going past their houses all night long.",
            "by Daniel Ortiz on March 3, 2012 at 10:02 pm. Reply",
            "The council should publish the full cost estimate before anyone starts digging, because the last project went twice over its budget.",
            "by Priya N. on March 4, 2012 at 7:45 am. Reply",
            "Leave a comment",
        ]
        let a = try TestInput.article(([Self.headline] + Self.paragraphs + comments).joined(separator: "\n\n"))
        #expect(a.title == Self.headline)
        #expect(a.paragraphs == Self.paragraphs)
    }

    @Test func shortSentencesInsideTheArticleStay() throws {
        let body = [Self.paragraphs[0], "It was not close.", Self.paragraphs[1], Self.paragraphs[2], Self.paragraphs[3]]
        let a = try TestInput.article(([Self.headline] + body).joined(separator: "\n\n"))
        #expect(a.paragraphs == body)
    }
}
