import TextKit

extension Normalizer {
    /// A `.md` file: optional front matter, then Markdown rendered to page text and read like a `.txt`.
    func normalizeMarkdown(_ text: String, sourcePath: String, hint: String?) -> Result<Article, NormalizeError> {
        var metadata = ArticleMetadata()
        var body = text
        if let parsed = FrontMatterParser.parse(text) {
            switch parsed {
            case .failure(let e):
                return .failure(e)
            case .success(let fm):
                body = fm.body
                switch Self.metadata(from: fm) {
                case .failure(let e): return .failure(e)
                case .success(let m): metadata = m
                }
            }
        }
        let rendered = MarkdownRenderer.render(body)
        guard !rendered.text.trimmingSpaces.isEmpty else {
            return .failure(.noArticle("the Markdown file has front matter but no article text after it"))
        }
        if metadata.title == nil { metadata.title = rendered.firstHeading }
        return normalizeText(rendered.text, metadata: metadata, format: .markdown, sourcePath: sourcePath, hint: hint)
    }

    static func metadata(from fm: FrontMatterParser.FrontMatter) -> Result<ArticleMetadata, NormalizeError> {
        var m = ArticleMetadata()
        func scalar(_ keys: [String]) throws -> String? {
            for key in keys {
                guard let (value, line) = fm.fields[key] else { continue }
                guard case .scalar(let s) = value else {
                    throw NormalizeError.wrongType(field: key, expected: "a single value, not a list", line: line)
                }
                return s.isEmpty ? nil : s
            }
            return nil
        }
        func list(_ keys: [String]) -> [String]? {
            for key in keys {
                guard let (value, _) = fm.fields[key] else { continue }
                switch value {
                case .scalar(let s): return s.isEmpty ? [] : [s]
                case .list(let items): return items
                }
            }
            return nil
        }
        do {
            m.title = try scalar(["title", "headline"]).map { TextFold.collapseSpaces($0) }
            m.kicker = try scalar(["kicker"])
            m.dek = try scalar(["dek", "subtitle", "description"])
            m.url = try scalar(["url", "link", "canonical_url"])
            m.publisher = try scalar(["publisher", "source", "site"])
            m.language = try scalar(["language", "lang"])
            if let date = try scalar(["published_at", "date", "published"]) { m.publishedAt = ArticleMetadata.isoDate(date) }
            m.authors = (list(["authors", "author"]) ?? []).flatMap { AuthorList.split($0) }
            m.tags = list(["tags"]) ?? []
            return .success(m)
        } catch let e as NormalizeError {
            return .failure(e)
        } catch {
            return .failure(.init(code: .invalidFrontMatter, message: "\(error)"))
        }
    }
}
