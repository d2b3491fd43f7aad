import TextKit
import HTMLKit

extension HTMLPage {
    /// Class, id and test-hook words of the element that holds a section label: "article-kicker",
    /// "eyebrow", "article__section", "story-category", `data-testid="Label"`.
    static let kickerWords: Set<String> = [
        "kicker", "eyebrow", "overline", "rubric", "rubrique", "section", "category", "label", "flag",
    ]
    /// A label is a word or a short phrase; anything longer above the headline is a standfirst or a teaser.
    static let kickerMaxWords = 4
    static let kickerMaxBytes = 60
    /// How far back from the headline the label is looked for, in nodes, so the walk over a dropped menu
    /// stays short on any page.
    static let kickerReach = 400

    /// The section label the markup prints right above the headline ("Opinion", "Energy"): the last text
    /// before the `<h1>`, when an element around it is named as a label and it is short.
    ///
    /// The text rules take a label above the headline too, but only when it reaches them: a label that is
    /// one link in its own box has the shape of a teaser card and is left out of the text, and one that
    /// shares the headline's box may not sit alone. The markup says what it is. Menus, breadcrumbs and
    /// share bars above the headline are chrome and never reach here (their text is dropped), and a list
    /// of links is navigation, not a label.
    static func markedKicker(_ doc: HTMLDocument, finder: HTMLContentFinder) -> String? {
        guard let h = finder.heading else { return nil }
        let nodes = doc.nodes
        var k = h - 1
        var text: Int?
        while k > HTMLDocument.root, h - k <= kickerReach {
            if nodes[k].tag == .text, !finder.dropped[k], finder.ownChars[k] > 0 {
                text = k
                break
            }
            k -= 1
        }
        guard let text else { return nil }
        // Up from the text to the box the label and the headline share, never into it.
        var e = nodes[text].parent
        while e > HTMLDocument.root, !doc.contains(e, h) {
            if isNamedLabel(doc, e) {
                let label = doc.textContent(e)
                guard !label.isEmpty, label.utf8.count <= kickerMaxBytes, finder.linkCount[e] <= 1,
                      TextFold.wordCount(label) <= kickerMaxWords,
                      BoilerplateRules.verdict(label, words: TextFold.wordCount(label)) == .none,
                      // A byline or a date set above the headline in a box named "meta-section" is no label.
                      !BylineParser.startsWithOpener(label), DateScanner.dates(in: label).isEmpty else { return nil }
                return label
            }
            e = nodes[e].parent
        }
        return nil
    }

    /// The label leaves the text, as the standfirst does, so the text rules cannot read it as a line of
    /// navigation or the first line of the body.
    static func dropKickerLine(_ blocks: inout [HTMLTextEmitter.Block], kicker: String) {
        guard let t = blocks.firstIndex(where: { $0.kind == .title }), t > 0, blocks[t - 1].kind == .text,
              TextFold.fold(blocks[t - 1].text) == TextFold.fold(kicker) else { return }
        blocks.remove(at: t - 1)
    }

    private static func isNamedLabel(_ doc: HTMLDocument, _ node: Int) -> Bool {
        guard !doc.nodes[node].range.isEmpty else { return false }
        if doc.attribute(node, "itemprop", is: "articlesection") { return true }
        for name in ["class", "id", "data-testid"] as [StaticString] {
            if let r = doc.attributeRange(node, name), HTMLBytes.hasWord(doc.source, r, in: kickerWords) { return true }
        }
        return false
    }
}
