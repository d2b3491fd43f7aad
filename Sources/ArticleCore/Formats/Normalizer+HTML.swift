import TextKit

extension Normalizer {
    /// A `.html`/`.htm` file: the article found in the page, laid out as copied page text and read by the
    /// same rules as a `.txt`, with the metadata the markup states taking precedence.
    func normalizeHTML(_ html: String, sourcePath: String, hint: String?) -> Result<Article, NormalizeError> {
        let page = HTMLPage(html: html)
        let found: Result<Article, NormalizeError>
        if page.articleLines > 0 {
            found = normalizeText(page.text, metadata: page.metadata, format: .html, sourcePath: sourcePath, hint: hint)
                .map { merging(page.captions, into: $0) }
            if case .success = found { return found }
        } else {
            found = .failure(.noArticleInHTML(linkOnlyLines: page.linkOnlyLines))
        }
        // The markup misled the finder (a body container classed like a sidebar, paragraphs as <br> runs
        // beside a long link tree): read the page as a reader's copy of it, with the copied-text model,
        // rather than lose an article that is there. A page with no prose still fails, with the first reason.
        let copied = HTMLCopiedText.text(page.document)
        let fallback = normalizeText(copied, metadata: page.metadata, format: .html, usesBodyModel: true,
                                     sourcePath: sourcePath, hint: hint)
        // The copy holds every menu and heading: without one paragraph of prose it found chrome, not a story.
        if case .success(let article) = fallback,
           article.paragraphs.contains(where: { TextUnit(text: $0, block: 0, line: 0).isProse }) {
            return fallback
        }
        return found
    }

    /// Captions the markup marks but the text rules would not recognise join those the rules found;
    /// like theirs, their dates date an otherwise undated story.
    private func merging(_ captions: [Caption], into article: Article) -> Article {
        var a = article
        var seen = Set(a.captions.map { TextFold.fold($0.text) })
        for caption in captions where seen.insert(TextFold.fold(caption.text)).inserted {
            a.captions.append(caption)
        }
        if a.publishedAt == nil, let latest = captions.flatMap({ DateScanner.dates(in: $0.text) }).max() {
            a.publishedAt = latest.iso
            a.publishedAtSource = .caption
        }
        return a
    }
}
