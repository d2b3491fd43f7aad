import Foundation

/// Evidence about each line of copied page text that carries from one site to the next: the line's own
/// shape (length, sentence punctuation, function words, capitals, digits, symbols), where it sits against
/// the page's longest run of prose, whether the page repeats it, and the same shape for its neighbours.
/// `BodyModel` weighs these; `scripts/train-body-model.py` learns the weights from the same vectors, dumped
/// by `articled-eval --line-features`, so training and use cannot drift apart.
enum LineFeatures {
    static let ownNames = [
        "log_words", "log_chars", "ends_sentence", "sentence_marks", "stop_ratio", "cap_ratio", "digit_ratio",
        "symbol_ratio", "title_case", "comma_ratio", "separators", "web_marks", "year_or_time", "starts_lower",
        "is_prose", "headline_shaped",
    ]
    static let pageNames = [
        "repeated", "block_lines", "relative_position", "in_prose_run", "before_run", "after_run", "window_prose",
    ]
    static let neighbourNames = ["log_words", "ends_sentence", "stop_ratio", "is_prose", "in_prose_run"]

    static let names: [String] = ownNames + pageNames
        + neighbourNames.map { "prev_" + $0 } + neighbourNames.map { "next_" + $0 }

    /// Features per line: the width of one row of `Matrix.values`.
    static let width = ownNames.count + pageNames.count + 2 * neighbourNames.count

    /// One row of `width` values per unit, in `names` order, stored flat so a page costs one allocation.
    struct Matrix {
        var values: [Double]
        var rows: Int

        func row(_ i: Int) -> ArraySlice<Double> { values[(i * width)..<((i + 1) * width)] }

        /// Feature `feature` (an index into `names`) of row `i`.
        func value(_ i: Int, _ feature: Int) -> Double { values[i * width + feature] }
    }

    /// The own-line features that the page features and the neighbours reuse.
    struct Shape {
        var logWords = 0.0, endsSentence = 0.0, stopRatio = 0.0, isProse = 0.0
        var words = 0
        var lineHash: UInt64 = 0
    }

    static func table(_ units: [TextUnit]) -> Matrix {
        let n = units.count
        var m = Matrix(values: [Double](repeating: 0, count: n * width), rows: n)
        guard n > 0 else { return m }
        var shapes = [Shape]()
        shapes.reserveCapacity(n)
        m.values.withUnsafeMutableBufferPointer { out in
            for i in 0..<n { shapes.append(writeShape(units[i], into: out, at: i * width)) }
        }
        let run = longestProseRun(shapes)
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(n)
        for s in shapes { seen[s.lineHash, default: 0] += 1 }
        var blockLines: [Int: Int] = [:]
        for u in units { blockLines[u.block, default: 0] += 1 }
        var prefix = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + (shapes[i].isProse > 0 ? shapes[i].words : 0) }

        func inRun(_ i: Int) -> Bool { run.map { i >= $0.lowerBound && i < $0.upperBound } ?? false }
        m.values.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                var k = i * width + ownNames.count
                func put(_ v: Double) { out[k] = v; k += 1 }
                var before = 0.0, after = 0.0
                if let run {
                    if i < run.lowerBound { before = log1p(Double(run.lowerBound - i)) }
                    if i >= run.upperBound { after = log1p(Double(i - run.upperBound + 1)) }
                }
                let lo = max(0, i - 3), hi = min(n, i + 4)
                put(seen[shapes[i].lineHash, default: 0] > 1 ? 1 : 0)
                put(log1p(Double(blockLines[units[i].block, default: 1])))
                put(n > 1 ? Double(i) / Double(n - 1) : 0)
                put(inRun(i) ? 1 : 0)
                put(before)
                put(after)
                put(log1p(Double(prefix[hi] - prefix[lo])))
                func neighbour(_ j: Int) {
                    guard j >= 0 && j < n else { k += neighbourNames.count; return }
                    let s = shapes[j]
                    put(s.logWords); put(s.endsSentence); put(s.stopRatio); put(s.isProse); put(inRun(j) ? 1 : 0)
                }
                neighbour(i - 1)
                neighbour(i + 1)
            }
        }
        return m
    }

    /// Writes the line's own evidence at `out[start...]`.
    static func writeShape(_ u: TextUnit, into out: UnsafeMutableBufferPointer<Double>, at start: Int) -> Shape {
        var text = u.text
        let c = text.withUTF8 { LineScan($0) }
        let w = Double(max(c.words, 1))
        let ends = u.endsLikeSentence
        let titleCase = u.isTitleCase
        let prose = TextUnit.isProse(words: u.words, endsLikeSentence: ends, isTitleCase: titleCase)
        var k = start
        func put(_ v: Double) { out[k] = v; k += 1 }
        put(log1p(Double(c.words)))
        put(log1p(Double(c.chars)))
        put(ends ? 1 : 0)
        put(min(Double(c.marks) / w, 1))
        put(Double(c.stop) / w)
        put(Double(c.capitalised) / w)
        put(Double(c.digits) / Double(max(c.letters + c.digits, 1)))
        put(Double(c.symbols) / Double(max(c.chars, 1)))
        put(titleCase ? 1 : 0)
        put(min(Double(c.commas) / w, 1))
        put(min(Double(c.separators), 3) / 3)
        put(c.web ? 1 : 0)
        put(c.yearOrTime ? 1 : 0)
        put(c.startsLower ? 1 : 0)
        put(prose ? 1 : 0)
        put(u.isHeadlineShaped ? 1 : 0)
        return Shape(logWords: out[start], endsSentence: out[start + 2], stopRatio: out[start + 4], isProse: out[start + 14],
                     words: u.words, lineHash: c.lineHash)
    }

    /// The stretch of lines with the most prose, where short lines between paragraphs ("Advertisement",
    /// a caption) cost a little and long runs of them end the stretch: the maximum-sum run, found in one pass.
    static func longestProseRun(_ shapes: [Shape]) -> Range<Int>? {
        var best = 0, bestRange: Range<Int>?
        var sum = 0, start = 0
        for (i, s) in shapes.enumerated() {
            let gain: Int
            if s.isProse > 0 { gain = s.words }
            else if s.words >= 8 && s.endsSentence > 0 { gain = s.words / 2 }
            else { gain = -8 }
            if sum <= 0 { sum = 0; start = i }
            sum += gain
            if sum > best { best = sum; bestRange = start..<(i + 1) }
        }
        return bestRange
    }
}
