import ArticleCore

/// `Normalizer.normalize` over the generated files on one thread, their bytes read beforehand (no
/// I/O in the timed loop), for `budget` seconds or `maxFiles` files, whichever comes first. Also
/// checks the corpus: every file should normalize, and every body should be distinct (else the
/// drain would record duplicates, not new articles). The articles are kept for the ceiling.
struct NormalizerPhase {
    let corpus: Corpus
    let maxFiles: Int
    let budget: Double

    func run() throws -> (result: NormalizerResult, articles: [Article]) {
        // Read a generous slice up front; the timed loop stops at the budget.
        let inputs = try (0..<min(maxFiles, corpus.count)).map { (name: Corpus.name($0), bytes: try corpus.bytes($0)) }
        let normalizer = Normalizer()
        for input in inputs.suffix(20) { _ = normalizer.normalize(input.bytes, sourcePath: input.name) } // warm-up
        var articles: [Article] = []
        articles.reserveCapacity(inputs.count)
        var rejected = 0
        var bytes = 0
        var files = 0
        var firstRejection: String?
        let started = Monotonic.now()
        for input in inputs {
            bytes += input.bytes.count
            files += 1
            for result in normalizer.normalize(input.bytes, sourcePath: input.name) {
                switch result {
                case .success(let article): articles.append(article)
                case .failure(let error):
                    rejected += 1
                    firstRejection = firstRejection ?? "\(input.name): \(error)"
                }
            }
            if files % 16 == 0, Monotonic.now() - started >= budget { break }
        }
        let seconds = Monotonic.now() - started
        if let firstRejection { Progress.say("normalizer: \(rejected) generated files rejected, first: \(firstRejection)") }
        let result = NormalizerResult(files: files, bytes: bytes, seconds: seconds, articles: articles.count, rejected: rejected,
                                      distinctBodies: Set(articles.map(\.contentHash)).count)
        return (result, articles)
    }
}
