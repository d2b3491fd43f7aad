/// The corpus-wide numbers of the report, derived from the per-article and per-error scores.
struct CorpusTotals {
    var files: Int
    var articles: Int
    var produced: Int
    /// Failure messages for articles that should have been produced, most frequent first.
    var failures: [(message: String, count: Int)]
    var title: Ratio
    var micro: TokenF1
    var macroPrecision: Double
    var macroRecall: Double
    var macroF1: Double
    var paragraphsExact: Ratio
    var boilerplateLeaked: Ratio
    var articlesLeaking: Ratio
    var captions: Ratio
    var captionsInBody: Ratio
    var dateWhenSet: Ratio
    var dateWhenNull: Ratio
    var date: Ratio
    var authors: Ratio
    var kicker: Ratio
    var dek: Ratio
    var dateline: Ratio
    var publisher: Ratio
    var language: Ratio
    var quotes: Ratio
    var speakers: Ratio
    var errorCases: Ratio

    init(_ score: CorpusScore) {
        let a = score.articles
        files = score.files.count
        articles = a.count
        produced = a.filter { $0.failure == nil }.count
        var failureCounts: [String: Int] = [:]
        for s in a { if let f = s.failure { failureCounts[f, default: 0] += 1 } }
        failures = failureCounts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.message < $1.message }
        title = Ratio.count(a.map { $0.title })
        micro = a.reduce(TokenF1(expected: 0, produced: 0, overlap: 0)) { $0 + $1.body }
        let n = Double(max(a.count, 1))
        macroPrecision = a.map { $0.body.precision }.reduce(0, +) / n
        macroRecall = a.map { $0.body.recall }.reduce(0, +) / n
        macroF1 = a.map { $0.body.f1 }.reduce(0, +) / n
        paragraphsExact = Ratio(a.map { $0.paragraphsExact }.reduce(0, +), of: a.map { $0.paragraphsExpected }.reduce(0, +))
        // Leaks only mean something for articles that were produced.
        let made = a.filter { $0.failure == nil }
        boilerplateLeaked = Ratio(made.map { $0.boilerplateLeaked.count }.reduce(0, +), of: made.map { $0.boilerplateLines }.reduce(0, +))
        articlesLeaking = Ratio(made.filter { !$0.boilerplateLeaked.isEmpty }.count, of: made.count)
        captions = Ratio(a.map { $0.captionsFound }.reduce(0, +), of: a.map { $0.captionsExpected }.reduce(0, +))
        captionsInBody = Ratio(made.map { $0.captionsInBody }.reduce(0, +), of: made.map { $0.captionsExpected }.reduce(0, +))
        dateWhenSet = Ratio.count(a.filter { $0.expectsDate == true }.map { $0.date })
        dateWhenNull = Ratio.count(a.filter { $0.expectsDate == false }.map { $0.date })
        date = dateWhenSet + dateWhenNull
        authors = Ratio.count(a.map { $0.authors })
        kicker = Ratio.count(a.map { $0.kicker })
        dek = Ratio.count(a.map { $0.dek })
        dateline = Ratio.count(a.map { $0.dateline })
        publisher = Ratio.count(a.map { $0.publisher })
        language = Ratio.count(a.map { $0.language })
        quotes = Ratio(a.map { $0.quotesFound }.reduce(0, +), of: a.map { $0.quotesExpected }.reduce(0, +))
        speakers = Ratio(a.map { $0.speakersRight }.reduce(0, +), of: a.map { $0.quotesFound }.reduce(0, +))
        errorCases = Ratio.count(score.errorCases.map { $0.correct })
    }
}
