/// Merges what the layout rules read with explicit metadata and computes the derived fields
/// (quotes, language, word count, hashes).
enum ArticleAssembler {
    static func assemble(
        _ p: ParsedText, metadata m: ArticleMetadata, format: InputFormat, sourcePath: String, table: PublisherTable
    ) -> Article {
        let title = m.title ?? p.title ?? ""
        var publishedAt = p.publishedAt
        var source = p.publishedAtSource
        if let explicit = m.publishedAt {
            publishedAt = explicit
            source = .metadata
        }
        // One canonical body for both fingerprints: folding every paragraph twice was a twentieth of the work.
        let canonical = p.foldedParagraphs.count == p.paragraphs.count
            ? ContentHasher.canonicalBody(folded: p.foldedParagraphs) : ContentHasher.canonicalBody(p.paragraphs)
        var publisher = p.publisher
        if publisher == nil, let agency = p.wireAgency {
            publisher = table.publisher(forHint: agency)?.name
        }
        return Article(
            sourcePath: sourcePath,
            format: format,
            title: title,
            kicker: m.kicker ?? p.kicker,
            dek: m.dek ?? p.dek,
            authors: m.authors.isEmpty ? p.authors : m.authors,
            dateline: p.dateline,
            publishedAt: publishedAt,
            publishedAtSource: publishedAt == nil ? nil : source,
            publisher: publisher,
            url: m.url,
            language: m.language ?? LanguageDetector.detect([title] + p.paragraphs),
            paragraphs: p.paragraphs,
            captions: p.captions,
            quotes: QuoteExtractor.quotes(in: p.paragraphs),
            removed: p.removed,
            wordCount: p.paragraphWords.count == p.paragraphs.count
                ? p.paragraphWords.reduce(0, +) : ContentHasher.wordCount(p.paragraphs),
            contentHash: ContentHasher.contentHash(canonical: canonical),
            simhash: ContentHasher.simhash(canonical: canonical)
        )
    }
}
