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

    init(html: String) {
        let doc = HTMLDocument(bytes: Array(html.utf8))
        let finder = HTMLContentFinder(doc)
        let stated = HTMLPageMetadata(doc, finder: finder)
        metadata = stated.metadata(heading: finder.heading.map(doc.textContent))
        var emitter = HTMLTextEmitter(doc: doc, finder: finder, title: metadata.title, documentTitle: stated.documentHeadline(),
                                      skipsTimeLines: metadata.publishedAt != nil)
        emitter.emit()
        if emitter.confirmedDocumentTitle { metadata.title = stated.documentHeadline() }
        var blocks = emitter.blocks
        let description = stated.first(["og:description", "description", "twitter:description"])
        if let dek = Self.takeDek(&blocks, doc: doc, description: description) { metadata.dek = dek }
        captions = emitter.captions
        articleLines = blocks.filter { $0.kind == .text && !$0.linkOnly }.count
        linkOnlyLines = blocks.filter { $0.kind == .text && $0.linkOnly }.count + emitter.skippedLinkBoxes
        text = blocks.map(\.text).joined(separator: "\n\n")
    }

    static let dekWords: Set<String> = [
        "dek", "deck", "standfirst", "subtitle", "subheadline", "subhead", "strapline", "summary", "excerpt", "description",
    ]

    /// The standfirst: a block before the first body paragraph that the markup names as one
    /// ("standfirst", "dek", "subtitle") or that repeats the page description. It leaves the text, so
    /// it cannot be mistaken for the first paragraph.
    static func takeDek(_ blocks: inout [HTMLTextEmitter.Block], doc: HTMLDocument, description: String?) -> String? {
        let descriptionKey = description.map { TextFold.fold($0) }
        // A standfirst sits with the headline, in the first few lines.
        for (k, block) in blocks.prefix(20).enumerated() where block.kind == .text {
            let owner = block.owner
            let named = owner > HTMLDocument.root && (isNamedDek(doc, owner) || isNamedDek(doc, doc.nodes[owner].parent))
            if named || (TextFold.fold(block.text) == descriptionKey && !isBodyParagraph(doc, block)) {
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
