import TextKit
import HTMLKit

/// An HTML page read for the text rules: the article laid out as copied page text, the metadata its
/// markup states, and the captions kept out of the text.
struct HTMLPage {
    var text: String
    var metadata: ArticleMetadata
    /// Captions `CaptionParser` would not recognise in the text; merged into the article afterwards.
    var captions: [Caption]
    /// Lines of article text (headline, captions and link-only lines not counted). Zero: no article.
    var articleLines: Int
    /// Lines and boxes that were nothing but links: menus, teaser cards and lists the chrome rules did not catch.
    var linkOnlyLines: Int
    /// The parsed page, for a second reading when the finder's does not yield an article.
    let document: HTMLDocument

    init(html: String) {
        let doc = HTMLDocument(bytes: Array(html.utf8))
        document = doc
        let finder = HTMLContentFinder(doc)
        let stated = HTMLPageMetadata(doc, finder: finder)
        metadata = stated.metadata(heading: finder.heading.map(doc.textContent))
        var emitter = Self.emitter(doc: doc, finder: finder, stated: stated, metadata: metadata)
        emitter.collect()
        emitter.blocks = HTMLBlockModel.articleBlocks(emitter.blocks, doc: doc, finder: finder)
        emitter.placeTitle()
        if let headline = emitter.confirmedHeadline { metadata.title = headline }
        var blocks = emitter.blocks
        Self.dropNameOnlyBylines(&blocks, authors: metadata.authors)
        let description = stated.first(["og:description", "description", "twitter:description"])
        if let dek = Self.takeDek(&blocks, doc: doc, description: description) { metadata.dek = dek }
        if let kicker = Self.markedKicker(doc, finder: finder) {
            metadata.kicker = kicker
            Self.dropKickerLine(&blocks, kicker: kicker)
        }
        captions = emitter.captions
        articleLines = blocks.filter { $0.kind == .text && !$0.linkOnly }.count
        linkOnlyLines = blocks.filter { $0.kind == .text && $0.linkOnly }.count + emitter.skippedLinkBoxes
        var lines = blocks.map(\.text)
        // Without a stated site name the text rules name the outlet from its rights line, as on a copied
        // page. It goes first, not last: after the body it would start an appeal tail and could pull a
        // short closing line out of the article with it; above the headline it is one more chrome line.
        if metadata.publisher == nil, let signature = Self.signatureLine(doc, finder: finder) {
            lines.insert(signature, at: 0)
        }
        text = lines.joined(separator: "\n\n")
    }

    static func emitter(doc: HTMLDocument, finder: HTMLContentFinder) -> HTMLTextEmitter {
        let stated = HTMLPageMetadata(doc, finder: finder)
        return emitter(doc: doc, finder: finder, stated: stated, metadata: stated.metadata(heading: finder.heading.map(doc.textContent)))
    }

    private static func emitter(doc: HTMLDocument, finder: HTMLContentFinder, stated: HTMLPageMetadata,
                                metadata: ArticleMetadata) -> HTMLTextEmitter {
        HTMLTextEmitter(doc: doc, finder: finder, title: metadata.title, documentTitle: stated.documentHeadline(),
                        skipsTimeLines: metadata.publishedAt != nil)
    }

    static let dekWords: Set<String> = [
        "dek", "deck", "standfirst", "subtitle", "subheadline", "subhead", "strapline", "summary", "excerpt", "description",
        "desc", "lede", "lead",
    ]

    /// A line that is only the name of one of the page's authors is the byline box of a column ("Jane Doe"
    /// under the headline), never prose; the text rules would read it as a one-line paragraph.
    static func dropNameOnlyBylines(_ blocks: inout [HTMLTextEmitter.Block], authors: [String]) {
        guard !authors.isEmpty else { return }
        let keys = Set(authors.map { TextFold.fold($0) })
        blocks.removeAll { $0.kind == .text && $0.text.utf8.count <= 80 && keys.contains(TextFold.fold($0.text)) }
    }

    /// The standfirst: a block before the first body paragraph that the markup names as one
    /// ("standfirst", "dek", "subtitle", "article__desc") or that repeats the page description. It leaves
    /// the text, so it cannot be mistaken for the first paragraph. A description repeated right under the
    /// headline is the standfirst however long it is; further down it may be the first paragraph, which
    /// many sites copy into the description, so there it must not read as body.
    static func takeDek(_ blocks: inout [HTMLTextEmitter.Block], doc: HTMLDocument, description: String?) -> String? {
        let descriptionKey = description.map { TextFold.fold($0) }
        // A standfirst sits with the headline, in the first few lines.
        for (k, block) in blocks.prefix(20).enumerated() where block.kind == .text {
            let owner = block.owner
            let named = owner > HTMLDocument.root && (isNamedDek(doc, owner) || isNamedDek(doc, doc.nodes[owner].parent))
            let repeatsDescription = TextFold.fold(block.text) == descriptionKey
            let underHeadline = k > 0 && blocks[k - 1].kind == .title
            if named || (repeatsDescription && (underHeadline || !isBodyParagraph(doc, block))) {
                blocks.remove(at: k)
                return block.text
            }
            if isBodyParagraph(doc, block) { return nil }
        }
        return nil
    }

    private static func isBodyParagraph(_ doc: HTMLDocument, _ block: HTMLTextEmitter.Block) -> Bool {
        doc.nodes[block.owner].tag == .p && TextFold.wordCount(block.text) >= 12
    }

    private static func isNamedDek(_ doc: HTMLDocument, _ node: Int) -> Bool {
        guard node > HTMLDocument.root else { return false }
        for name in ["class", "id"] as [StaticString] {
            guard let r = doc.attributeRange(node, name) else { continue }
            let words = doc.source[r].split { !HTMLBytes.isAlphanumeric($0) }
            if words.contains(where: { dekWords.contains(String(decoding: $0.map(HTMLBytes.lower), as: UTF8.self)) }) { return true }
        }
        return false
    }
}
