import Testing
@testable import ArticleCore

/// What libcmark's tree becomes as page text: the block shapes the layout rules rely on.
@Suite struct MarkdownRendererTests {
    @Test func fencedCodeKeepsEachLineAndAnIndentedBlockReadsAsProse() {
        let md = "Intro line.\n\n```\nfirst = 1\n\nsecond = 2\n```\n\n    An indented paragraph\n    that a copy shifted right.\n"
        #expect(MarkdownRenderer.render(md).text == "Intro line.\n\nfirst = 1\n\nsecond = 2\n\nAn indented paragraph that a copy shifted right.")
    }

    @Test func htmlBlocksKeepTheirWordsAndLoseTheirTags() {
        let md = "<div class=\"note\">\nSigned up <b>today</b>\n</div>\n\nAfter the block.\n"
        #expect(MarkdownRenderer.render(md).text == "Signed up today\n\nAfter the block.")
    }

    @Test func quotesListsAndRulesFlattenToBlocks() {
        let md = "> quoted *text*\n> goes on\n\n---\n\n1. one\n2. two with [a link](https://x.example) and ![pic](p.jpg)\n"
        #expect(MarkdownRenderer.render(md).text == "quoted text goes on\n\none\n\ntwo with a link and")
    }

    @Test func theFirstLevelOneHeadingIsTheTitleWhateverItsStyle() {
        #expect(MarkdownRenderer.render("## Section\n\n# Title\n\nText").firstHeading == "Title")
        #expect(MarkdownRenderer.render("Title\n=====\n\nText").firstHeading == "Title")
        #expect(MarkdownRenderer.render("Only text").firstHeading == nil)
    }

    @Test func deeplyNestedQuotesDoNotExhaustTheStack() {
        let md = String(repeating: ">", count: 50_000) + " deep\n"
        #expect(MarkdownRenderer.render(md).text.hasSuffix("deep"))
    }
}
