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

    /// Function words of every language the detector knows: a high share marks running prose in any of them.
    static let stopWords: Set<String> = LanguageDetector.stopWords.values.reduce(into: []) { $0.formUnion($1) }

    /// One vector per unit, in `names` order.
    static func table(_ units: [TextUnit]) -> [[Double]] {
        let n = units.count
        guard n > 0 else { return [] }
        let own = units.map(shape)
        let run = longestProseRun(units)
        var seen: [String: Int] = [:]
        for u in units { seen[u.text, default: 0] += 1 }
        var blockLines: [Int: Int] = [:]
        for u in units { blockLines[u.block, default: 0] += 1 }
        var proseWords = units.map { $0.isProse ? $0.words : 0 }
        var prefix = [0]
        prefix.reserveCapacity(n + 1)
        for w in proseWords { prefix.append(prefix.last! + w) }
        proseWords.removeAll()

        var rows: [[Double]] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            let inRun = run.map { i >= $0.lowerBound && i < $0.upperBound } ?? false
            var before = 0.0, after = 0.0
            if let run {
                if i < run.lowerBound { before = log1p(Double(run.lowerBound - i)) }
                if i >= run.upperBound { after = log1p(Double(i - run.upperBound + 1)) }
            }
            let lo = max(0, i - 3), hi = min(n, i + 4)
            var row = own[i].values
            row += [
                seen[units[i].text, default: 0] > 1 ? 1 : 0,
                log1p(Double(blockLines[units[i].block, default: 1])),
                n > 1 ? Double(i) / Double(n - 1) : 0,
                inRun ? 1 : 0, before, after,
                log1p(Double(prefix[hi] - prefix[lo])),
            ]
            for j in [i - 1, i + 1] {
                if j >= 0 && j < n {
                    let s = own[j]
                    let neighbourInRun = run.map { j >= $0.lowerBound && j < $0.upperBound } ?? false
                    row += [s.values[0], s.values[2], s.values[4], s.values[14], neighbourInRun ? 1 : 0]
                } else {
                    row += [0, 0, 0, 0, 0]
                }
            }
            rows.append(row)
        }
        return rows
    }

    struct Shape { var values: [Double] }

    /// The line's own evidence, read in one pass over its scalars.
    static func shape(_ u: TextUnit) -> Shape {
        var chars = 0, letters = 0, digits = 0, symbols = 0, commas = 0, separators = 0, marks = 0
        var words = 0, capitalised = 0, stop = 0
        var word = ""
        var wordStartsUpper = false
        var previousWasMark = false
        var yearOrTime = false
        var digitRun = 0, digitRunStart: Unicode.Scalar = "0"
        var startsLower = false
        var first = true
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            if wordStartsUpper { capitalised += 1 }
            if word.utf8.count <= 8, stopWords.contains(word.lowercased()) { stop += 1 }
            word = ""
        }
        for s in u.text.unicodeScalars {
            chars += 1
            let props = s.properties
            if props.isAlphabetic {
                if first { startsLower = props.isLowercase; first = false }
                if word.isEmpty { wordStartsUpper = props.isUppercase }
                word.unicodeScalars.append(s)
                letters += 1
            } else if s.value >= 0x30 && s.value <= 0x39 {
                if first { first = false }
                if digitRun == 0 { digitRunStart = s }
                digitRun += 1
                digits += 1
                word.unicodeScalars.append(s)
            } else {
                if digitRun == 4 && (digitRunStart == "1" || digitRunStart == "2") { yearOrTime = true }
                if s == ":" && digitRun >= 1 && digitRun <= 2 { yearOrTime = true }
                digitRun = 0
                endWord()
                if s == " " { previousWasMark = false; continue }
                if s != "'" && s != "\u{2019}" && s != "-" { symbols += 1 }
                if first { first = false }
                switch s {
                case ",": commas += 1
                case "|", "\u{00BB}", "\u{2022}", "\u{00B7}", "\u{203A}", ">", "/": separators += 1
                case ".", "!", "?", "\u{2026}": if !previousWasMark { marks += 1 }
                default: break
                }
                previousWasMark = s == "." || s == "!" || s == "?"
                continue
            }
            previousWasMark = false
        }
        if digitRun == 4 && (digitRunStart == "1" || digitRunStart == "2") { yearOrTime = true }
        endWord()
        let w = Double(max(words, 1))
        let text = u.text
        let web = text.contains("@") || text.contains("http") || text.contains("www.") || text.contains(".com")
        return Shape(values: [
            log1p(Double(words)), log1p(Double(chars)), u.endsLikeSentence ? 1 : 0, min(Double(marks) / w, 1),
            Double(stop) / w, Double(capitalised) / w, Double(digits) / Double(max(letters + digits, 1)),
            Double(symbols) / Double(max(chars, 1)), u.isTitleCase ? 1 : 0, min(Double(commas) / w, 1),
            min(Double(separators), 3) / 3, web ? 1 : 0, yearOrTime ? 1 : 0, startsLower ? 1 : 0,
            u.isProse ? 1 : 0, u.isHeadlineShaped ? 1 : 0,
        ])
    }

    /// The stretch of lines with the most prose, where short lines between paragraphs ("Advertisement",
    /// a caption) cost a little and long runs of them end the stretch: the maximum-sum run, found in one pass.
    static func longestProseRun(_ units: [TextUnit]) -> Range<Int>? {
        var best = 0, bestRange: Range<Int>?
        var sum = 0, start = 0
        for (i, u) in units.enumerated() {
            let gain: Int
            if u.isProse { gain = u.words }
            else if u.words >= 8 && u.endsLikeSentence { gain = u.words / 2 }
            else { gain = -8 }
            if sum <= 0 { sum = 0; start = i }
            sum += gain
            if sum > best { best = sum; bestRange = start..<(i + 1) }
        }
        return bestRange
    }
}
