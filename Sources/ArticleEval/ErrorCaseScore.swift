import ArticleCore

/// One expected failure (a hostile file, or a bad NDJSON line) and what the normalizer did with it.
struct ErrorCaseScore {
    var label: String
    var expected: String
    var got: String
    var correct: Bool

    /// `code` nil means any failure code is accepted; `line` nil means the error is about the whole file.
    init(label: String, code: String?, line: Int?, result: Result<Article, NormalizeError>?) {
        self.label = label
        expected = (code ?? "any error") + (line.map { " at line \($0)" } ?? "")
        switch result {
        case .failure(let err):
            got = err.code.rawValue + (err.line.map { " at line \($0)" } ?? "")
            let codeOK = code == nil || err.code.rawValue == code
            let lineOK = line == nil || err.line == line
            correct = codeOK && lineOK
        case .success(let a):
            got = "article “\(TextMatch.clip(a.title, 50))”"
            correct = false
        case nil:
            got = "no result"
            correct = false
        }
    }
}
