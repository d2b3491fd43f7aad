import ArticleCore

/// How one produced article compares with its expectation.
struct ArticleScore {
    /// `path` or `path:line` for NDJSON.
    var label: String
    /// Why the normalizer produced nothing ("empty: not implemented"), or nil when it produced an article.
    var failure: String?
    var title: Bool
    var body: TokenF1
    var boilerplateLines = 0
    var boilerplateLeaked: [String] = []
    var captionsExpected = 0
    var captionsFound = 0
    var captionsInBody = 0
    /// nil when the field is not stated in the expected file.
    var expectsDate: Bool?
    var date: Bool?
    var authors: Bool?
    var kicker: Bool?
    var dek: Bool?
    var dateline: Bool?
    var publisher: Bool?
    var language: Bool?
    var quotesExpected = 0
    var quotesFound = 0
    var speakersRight = 0
    var paragraphsExpected = 0
    var paragraphsExact = 0
    var missing: [String] = []
    var extra: [String] = []
    var producedTitle: String?
    var expectedTitle: String
    /// Stated fields that came out wrong: (field, expected, produced), for the verbose report.
    var mismatches: [(field: String, expected: String, got: String)] = []

    init(label: String, expected e: Expectation.ExpectedArticle, result: Result<Article, NormalizeError>?) {
        self.label = label
        expectedTitle = e.title
        let article: Article?
        switch result {
        case .success(let a): article = a
        case .failure(let err):
            article = nil
            failure = "\(err.code.rawValue): \(err.message)"
        case nil:
            article = nil
            failure = "no result for this entry"
        }
        let produced = article?.paragraphs ?? []
        producedTitle = article?.title
        title = article.map { TextMatch.ws($0.title) == TextMatch.ws(e.title) } ?? false
        body = TokenF1(expected: e.paragraphs, produced: produced)

        // Boilerplate lines that also belong to the expected body cannot be told apart from it: skip them.
        let countable = e.boilerplate.filter { !TextMatch.leaks($0, into: e.paragraphs) }
        boilerplateLines = countable.count
        boilerplateLeaked = countable.filter { TextMatch.leaks($0, into: produced) }

        let producedCaptions = Set((article?.captions ?? []).map { TextMatch.ws($0.text) })
        captionsExpected = e.captions.count
        captionsFound = e.captions.filter { producedCaptions.contains(TextMatch.ws($0.text)) }.count
        let producedBody = produced.map(TextMatch.ws)
        captionsInBody = e.captions.filter { c in
            let t = TextMatch.ws(c.text)
            return producedBody.contains { $0.contains(t) }
        }.count

        func show(_ s: String?) -> String { s.map { "“\(TextMatch.clip($0, 60))”" } ?? "null" }
        if e.has.contains("published_at") {
            expectsDate = e.publishedAt != nil
            let got = article?.publishedAt.map { String(TextMatch.ws($0).prefix(10)) }
            date = article != nil && got == e.publishedAt
            if article != nil, date == false { mismatches.append(("published_at", show(e.publishedAt), show(article?.publishedAt))) }
        }
        if e.has.contains("authors") {
            authors = article.map { $0.authors.map(TextMatch.ws) == e.authors.map(TextMatch.ws) } ?? false
            if let article, authors == false {
                mismatches.append(("authors", "\(e.authors)", "\(article.authors)"))
            }
        }
        func field(_ key: String, _ want: String?, _ got: String??, key fold: (String?) -> String? = TextMatch.trimmed) -> Bool? {
            guard e.has.contains(key) else { return nil }
            guard let got else { return false }
            let ok = fold(got) == fold(want)
            if !ok { mismatches.append((key, show(want), show(got))) }
            return ok
        }
        kicker = field("kicker", e.kicker, article.map { $0.kicker })
        dek = field("dek", e.dek, article.map { $0.dek })
        dateline = field("dateline", e.dateline, article.map { $0.dateline })
        publisher = field("publisher", e.publisher, article.map { $0.publisher }, key: TextMatch.nameKey)
        language = field("language", e.language, article.map { $0.language })

        if let quotes = e.quotes {
            quotesExpected = quotes.count
            var byText: [String: String?] = [:]
            for q in article?.quotes ?? [] { byText[TextMatch.quoteKey(q.text)] = q.speaker }
            for q in quotes {
                guard let speaker = byText[TextMatch.quoteKey(q.text)] else { continue }
                quotesFound += 1
                if TextMatch.sameSpeaker(speaker, q.speaker) {
                    speakersRight += 1
                } else {
                    mismatches.append(("speaker of “\(TextMatch.clip(q.text, 30))”", show(q.speaker), show(speaker)))
                }
            }
        }

        let expectedSet = Set(e.paragraphs.map(TextMatch.ws))
        let producedSet = Set(producedBody)
        paragraphsExpected = e.paragraphs.count
        paragraphsExact = e.paragraphs.filter { producedSet.contains(TextMatch.ws($0)) }.count
        missing = e.paragraphs.filter { !producedSet.contains(TextMatch.ws($0)) }
        extra = produced.filter { !expectedSet.contains(TextMatch.ws($0)) }
    }
}
