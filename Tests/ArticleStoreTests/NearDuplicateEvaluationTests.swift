import ArticleCore
@testable import ArticleStore
import Testing
import TestSupport

/// Precision and recall of the near-duplicate rule over the hand-labelled pairs of `LabelledStories`:
/// first the measures alone (pure Swift, over thresholds and LSH shapes), then the decisions PostgreSQL
/// actually takes in `record_article`. The tables are printed for the README.
@Suite struct NearDuplicateEvaluationTests {
    struct Measured {
        var pair: LabelledStories.Pair
        var a: NearDuplicateSignature
        var b: NearDuplicateSignature
        var jaccard: Double
        var containment: Double
        var smaller: Int
        var simhashBits: Int
    }

    static let measured: [Measured] = LabelledStories.pairs.map { pair in
        let a = MinHash.signature(pair.a), b = MinHash.signature(pair.b)
        return Measured(pair: pair, a: a, b: b, jaccard: a.jaccard(with: b), containment: a.containment(with: b),
                        smaller: min(a.shingles.count, b.shingles.count),
                        simhashBits: ContentHasher.distance(ContentHasher.simhash(pair.a), ContentHasher.simhash(pair.b)))
    }

    static func score(_ decide: (Measured) -> Bool) -> (precision: Double, recall: Double, tp: Int, fp: Int, fn: Int) {
        var tp = 0, fp = 0, fn = 0
        for m in measured {
            switch (decide(m), m.pair.isNearDuplicate) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            case (false, false): break
            }
        }
        return (tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp), Double(tp) / Double(tp + fn), tp, fp, fn)
    }

    static func row(_ name: String, _ decide: (Measured) -> Bool) -> String {
        let s = score(decide)
        let p = String(Int((s.precision * 1000).rounded())), r = String(Int((s.recall * 1000).rounded()))
        return "| \(name) | \(p.count < 4 ? "0." + String(repeating: "0", count: 3 - p.count) + p : "1.000") | "
            + "\(r.count < 4 ? "0." + String(repeating: "0", count: 3 - r.count) + r : "1.000") | \(s.tp) | \(s.fp) | \(s.fn) |"
    }

    /// LSH candidate test for another band shape, from the same shingles.
    static func candidates(_ m: Measured, bands: Int, rows: Int) -> Bool {
        let a = MinHash.bandHashes(MinHash.minHashes(MinHash.shingleHashes(m.pair.a), count: bands * rows), bands: bands, rows: rows)
        let b = MinHash.bandHashes(MinHash.minHashes(MinHash.shingleHashes(m.pair.b), count: bands * rows), bands: bands, rows: rows)
        return !Set(a).isDisjoint(with: b)
    }

    static func rule(_ m: Measured) -> Bool {
        (m.containment >= 0.5 && m.smaller >= 40) || m.jaccard >= 0.5
    }

    @Test func theLabelledSetIsBalanced() {
        #expect(LabelledStories.pairs.filter(\.isNearDuplicate).count == 30)
        #expect(LabelledStories.pairs.filter { !$0.isNearDuplicate }.count == 30)
    }

    @Test func precisionAndRecallOverThresholds() {
        var lines = ["| rule (30 near-duplicate pairs, 30 negatives) | precision | recall | TP | FP | FN |", "|---|---|---|---|---|---|"]
        for bits in [3, 6, 10] { lines.append(Self.row("SimHash ≤ \(bits) bits", { $0.simhashBits <= bits })) }
        for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8] { lines.append(Self.row("Jaccard ≥ \(t)", { $0.jaccard >= t })) }
        for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
            lines.append(Self.row("containment ≥ \(t)", { $0.containment >= t }))
        }
        lines.append(Self.row("containment ≥ 0.4 (shorter ≥ 40 shingles)", { $0.containment >= 0.4 && $0.smaller >= 40 }))
        lines.append(Self.row("containment ≥ 0.7 (shorter ≥ 20) or Jaccard ≥ 0.5", { ($0.containment >= 0.7 && $0.smaller >= 20) || $0.jaccard >= 0.5 }))
        lines.append(Self.row("**rule: containment ≥ 0.5 (shorter ≥ 40) or Jaccard ≥ 0.5**", Self.rule))
        for (bands, rows) in [(16, 8), (32, 4), (42, 3), (64, 3), (64, 2)] {
            lines.append(Self.row("LSH \(bands)×\(rows) candidate only", { Self.candidates($0, bands: bands, rows: rows) }))
            lines.append(Self.row("LSH \(bands)×\(rows) candidate + rule", { Self.candidates($0, bands: bands, rows: rows) && Self.rule($0) }))
        }
        print(lines.joined(separator: "\n"))
        var detail = ["| pair | near dup | Jaccard | containment | shorter | SimHash bits | 64×3 candidate |", "|---|---|---|---|---|---|---|"]
        for m in Self.measured {
            detail.append("| \(m.pair.label) | \(m.pair.isNearDuplicate) | \((m.jaccard * 100).rounded() / 100) | "
                + "\((m.containment * 100).rounded() / 100) | \(m.smaller) | \(m.simhashBits) | \(m.a.sharesBand(with: m.b)) |")
        }
        print(detail.joined(separator: "\n"))
        let final = Self.score { $0.a.sharesBand(with: $0.b) && Self.rule($0) }
        #expect(final.fp == 0)
        #expect(final.recall >= 0.9)
    }

    /// The same pairs through `record_article`: each pair in a transaction that is rolled back.
    @Test func postgresDecidesLikeTheRuleOnTheLabelledPairs() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        var tp = 0, fp = 0, fn = 0, tn = 0
        var wrong: [String] = []
        for (i, m) in Self.measured.enumerated() {
            try store.connection.execute("BEGIN")
            let a = try store.record(story(m.pair.a), file: uniqueFile("pair\(i)a"))
            let b = try store.record(story(m.pair.b), file: uniqueFile("pair\(i)b"))
            let joined = try clusterOf(store, b.articleID).0 == a.articleID
            let similarity = try store.connection.execute("""
                SELECT s.containment, s.jaccard FROM articled.articles x, articled.articles y,
                       articled.shingle_similarity(x.shingles, y.shingles) s WHERE x.id = $1::bigint AND y.id = $2::bigint
                """, [a.articleID.map(String.init), b.articleID.map(String.init)])
            #expect(try similarity.double(0, 0) == m.containment && similarity.double(0, 1) == m.jaccard, "\(m.pair.label)")
            try store.connection.execute("ROLLBACK")
            switch (joined, m.pair.isNearDuplicate) {
            case (true, true): tp += 1
            case (true, false): fp += 1; wrong.append("false merge: \(m.pair.label)")
            case (false, true): fn += 1; wrong.append("missed: \(m.pair.label)")
            case (false, false): tn += 1
            }
            #expect(joined == (m.a.sharesBand(with: m.b) && Self.rule(m)), "\(m.pair.label)")
        }
        print("record_article on the labelled pairs: TP \(tp) FP \(fp) FN \(fn) TN \(tn); \(wrong)")
        #expect(fp == 0)
        #expect(Double(tp) / Double(tp + fn) >= 0.9)
    }
}
