import Foundation
import TextKit

/// Evidence about each headline candidate of copied page text (the clean, headline-shaped lines of three
/// words or more before the first prose) that carries from one site to the next: the line's `LineFeatures`
/// row, what the hand-made headline score looks at (what follows the line, how far the prose is,
/// separators, digits, label typography) and the score itself, where the line sits among the candidates,
/// whether the page repeats it, how many of its words the lede uses, and whether other candidates look like
/// it (a list of teasers, a menu). `TitleModel` weighs these; `scripts/train-title-model.py` learns the
/// weights from the same vectors, dumped by `articled-eval --title-candidates`.
enum TitleFeatures {
    static let ownNames = [
        "rule_score", "words", "next_furniture", "next_standfirst", "lines_to_prose", "near_prose", "separators",
        "digit_heavy", "short_label", "label", "title_case", "question_or_quote",
    ]
    static let pageNames = [
        "candidate_position", "first_candidate", "last_candidate", "candidates_after", "candidate_count",
        "rule_best", "rule_gap", "repeated_before", "repeated_after_prose", "lede_overlap", "lede_cover",
        "alike_before", "alike_after",
    ]
    static let neighbourNames = ["rule_score", "log_words", "adjacent"]

    static let names: [String] = LineFeatures.names.map { "line_" + $0 } + ownNames + pageNames
        + neighbourNames.map { "prev_" + $0 } + neighbourNames.map { "next_" + $0 }

    static var width: Int { names.count }

    /// What the hand-made headline score sees of one candidate, and the score.
    struct RuleEvidence {
        var score = 0
        /// A byline, date line, caption or bare name follows the line.
        var nextFurniture = false
        /// The prose, or a long clean line, follows the line.
        var nextStandfirst = false
        var nearProse = false
        var separators = false
        var digitHeavy = false
        var shortLabel = false
    }

    /// One row of `width` values per candidate, in candidate order.
    static func rows(_ layout: PageLayout, candidates: [Int], firstProse: Int, lines: LineFeatures.Matrix) -> [[Double]] {
        let units = layout.units
        let rules = candidates.map { layout.ruleEvidence($0, firstProse: firstProse) }
        let best = rules.map(\.score).max() ?? 0
        let lede = ledeWords(layout, firstProse: firstProse)
        let overlaps = candidates.map { lede.overlap(layout.folded[$0]) }
        var rows: [[Double]] = []
        rows.reserveCapacity(candidates.count)
        for (k, c) in candidates.enumerated() {
            let u = units[c], r = rules[k]
            var row = Array(lines.row(c))
            row.reserveCapacity(width)
            func put(_ v: Double) { row.append(v) }
            func put(_ b: Bool) { row.append(b ? 1 : 0) }
            // What the rules look at.
            put(Double(r.score))
            put(Double(min(u.words, 30)))
            put(r.nextFurniture)
            put(r.nextStandfirst)
            put(log1p(Double(firstProse - c)))
            put(r.nearProse)
            put(r.separators)
            put(r.digitHeavy)
            put(r.shortLabel)
            put(PageLayout.isLabel(u.text))
            put(u.isTitleCase)
            put(u.text.last == "?" || u.text.first == "\"" || u.text.first == "\u{201C}")
            // Where it sits among the candidates and on the page.
            let n = candidates.count
            put(n > 1 ? Double(k) / Double(n - 1) : 1)
            put(k == 0)
            put(k == n - 1)
            put(log1p(Double(n - 1 - k)))
            put(log1p(Double(n)))
            put(r.score == best)
            put(Double(min(best - r.score, 20)))
            var before = false, afterProse = false
            let f = layout.folded[c]
            for j in units.indices where j != c && layout.folded[j] == f {
                if j < c { before = true } else if j > firstProse { afterProse = true }
            }
            put(before)
            put(afterProse)
            let (words, shared) = overlaps[k]
            put(words == 0 ? 0 : Double(shared) / Double(words))
            put(log1p(Double(shared)))
            // Other candidates of like length: a list of teasers or a menu, not one headline.
            func alike(_ j: Int) -> Bool {
                let a = units[candidates[j]].words
                return abs(a - u.words) <= max(2, u.words / 4)
            }
            put(log1p(Double((0..<k).filter(alike).count)))
            put(log1p(Double(((k + 1)..<n).filter(alike).count)))
            for j in [k - 1, k + 1] {
                guard j >= 0 && j < n else { row.append(contentsOf: [0, 0, 0]); continue }
                put(Double(rules[j].score))
                put(log1p(Double(units[candidates[j]].words)))
                put(abs(candidates[j] - c) == 1)
            }
            rows.append(row)
        }
        return rows
    }

    /// Words of four letters or more in the first prose lines: a headline names what its lede tells.
    static func ledeWords(_ layout: PageLayout, firstProse: Int) -> ContentWordSet {
        var set = ContentWordSet()
        var taken = 0
        for i in firstProse..<layout.units.count where layout.isClean(i) && layout.units[i].words >= 8 {
            set.insertWords(of: layout.folded[i])
            taken += 1
            if taken == 3 { break }
        }
        return set
    }
}
