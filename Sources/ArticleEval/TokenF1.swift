/// Bag-of-words overlap between an expected and a produced body, as in the public article-extraction
/// benchmarks: tokens are maximal runs of letters or digits, lowercased; precision and recall count
/// each token as often as it occurs (multiset intersection).
struct TokenF1: Sendable {
    var expected: Int
    var produced: Int
    var overlap: Int

    init(expected: [String], produced: [String]) {
        let e = TokenF1.bag(expected)
        let p = TokenF1.bag(produced)
        self.expected = e.values.reduce(0, +)
        self.produced = p.values.reduce(0, +)
        var common = 0
        for (token, n) in e {
            if let m = p[token] { common += min(n, m) }
        }
        self.overlap = common
    }

    init(expected: Int, produced: Int, overlap: Int) {
        self.expected = expected
        self.produced = produced
        self.overlap = overlap
    }

    /// Nothing produced counts as precision 0 (not "undefined"), unless nothing was expected either.
    var precision: Double {
        if produced == 0 { return expected == 0 ? 1 : 0 }
        return Double(overlap) / Double(produced)
    }

    var recall: Double {
        if expected == 0 { return produced == 0 ? 1 : 0 }
        return Double(overlap) / Double(expected)
    }

    var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    static func + (a: TokenF1, b: TokenF1) -> TokenF1 {
        TokenF1(expected: a.expected + b.expected, produced: a.produced + b.produced, overlap: a.overlap + b.overlap)
    }

    /// Maximal runs of letters/digits, lowercased.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { out.append(current.lowercased()) }
        return out
    }

    static func bag(_ paragraphs: [String]) -> [String: Int] {
        var bag: [String: Int] = [:]
        for p in paragraphs {
            for t in tokens(p) { bag[t, default: 0] += 1 }
        }
        return bag
    }
}
