import Foundation

extension BodyModel {
    /// Page-level evidence the body model adds to each line's `LineFeatures` row: how big the stretch of
    /// prose the line belongs to is and how far it sits from the main one, whether its first or last word
    /// opens or closes many other short lines (the "by NAME on DATE. Reply" of a comment thread), how many
    /// short dated lines surround it, and how long the streak of short lines it stands in is (a list, a
    /// menu). Kept apart from `LineFeatures` because the title model's vector embeds that row as it is.
    static let contextNames = [
        "run_words", "run_share", "words_to_main", "word_position", "first_word_repeats", "last_word_repeats",
        "stamps_near", "stamps_between", "short_streak", "prev2_is_prose", "next2_is_prose", "prose_after",
    ]

    /// Width of one row of the body model's vector: the `LineFeatures` row, then `contextNames`.
    static let width = LineFeatures.width + contextNames.count

    /// The column of `LineFeatures` named `name`.
    private static func column(_ name: String) -> Int { LineFeatures.names.firstIndex(of: name)! }
    private static let endsColumn = column("ends_sentence")
    private static let proseColumn = column("is_prose")
    private static let timeColumn = column("year_or_time")
    private static let runColumn = column("in_prose_run")

    /// Lines of at most this many words are "short": labels, stamps, menu entries.
    private static let shortWords = 20

    /// Each unit's full vector, `width` values per row: its `LineFeatures` row followed by the context.
    static func vectors(_ units: [TextUnit], lines m: LineFeatures.Matrix) -> [Double] {
        let n = units.count
        let lw = LineFeatures.width
        var out = [Double](repeating: 0, count: n * width)
        guard n > 0 else { return out }
        var words = [Int](repeating: 0, count: n)
        var prose = [Bool](repeating: false, count: n)
        var stamp = [Bool](repeating: false, count: n)
        var gainful = [Bool](repeating: false, count: n)
        var firstKey = [UInt64](repeating: 0, count: n)
        var lastKey = [UInt64](repeating: 0, count: n)
        var mainLo = n, mainHi = -1
        for i in 0..<n {
            let w = units[i].words
            words[i] = w
            prose[i] = m.value(i, proseColumn) > 0
            stamp[i] = w <= shortWords && m.value(i, timeColumn) > 0
            gainful[i] = prose[i] || (w >= 8 && m.value(i, endsColumn) > 0)
            if m.value(i, runColumn) > 0 { mainLo = min(mainLo, i); mainHi = max(mainHi, i) }
            if w <= shortWords { (firstKey[i], lastKey[i]) = edgeKeys(units[i].text) }
        }
        // Stretches of gainful lines (the maximum-sum run's positive steps), and their word counts.
        var runWords = [Int](repeating: 0, count: n)
        var maxRun = 0
        var i = 0
        while i < n {
            guard gainful[i] else { i += 1; continue }
            var j = i, sum = 0
            while j < n && gainful[j] { sum += words[j]; j += 1 }
            for k in i..<j { runWords[k] = sum }
            maxRun = max(maxRun, sum)
            i = j
        }
        var prefixWords = [Int](repeating: 0, count: n + 1)
        var prefixProse = [Int](repeating: 0, count: n + 1)
        var prefixStamps = [Int](repeating: 0, count: n + 1)
        for k in 0..<n {
            prefixWords[k + 1] = prefixWords[k] + words[k]
            prefixProse[k + 1] = prefixProse[k] + (prose[k] ? words[k] : 0)
            prefixStamps[k + 1] = prefixStamps[k] + (stamp[k] ? 1 : 0)
        }
        var firstCount: [UInt64: Int] = [:], lastCount: [UInt64: Int] = [:]
        for k in 0..<n where words[k] <= shortWords && firstKey[k] != 0 {
            firstCount[firstKey[k], default: 0] += 1
            lastCount[lastKey[k], default: 0] += 1
        }
        var streak = [Int](repeating: 0, count: n)
        i = 0
        while i < n {
            guard words[i] <= 12 && m.value(i, endsColumn) == 0 else { i += 1; continue }
            var j = i
            while j < n && words[j] <= 12 && m.value(j, endsColumn) == 0 { j += 1 }
            for k in i..<j { streak[k] = j - i }
            i = j
        }
        let totalWords = Double(max(prefixWords[n], 1)), totalProse = Double(max(prefixProse[n], 1))
        out.withUnsafeMutableBufferPointer { out in
            m.values.withUnsafeBufferPointer { src in
                for r in 0..<n {
                    let base = r * width
                    for c in 0..<lw { out[base + c] = src[r * lw + c] }
                    var k = base + lw
                    func put(_ v: Double) { out[k] = v; k += 1 }
                    put(log1p(Double(runWords[r])))
                    put(maxRun > 0 ? Double(runWords[r]) / Double(maxRun) : 0)
                    var between = 0, stampsBetween = 0
                    if mainHi >= 0 && r < mainLo {
                        between = prefixWords[mainLo] - prefixWords[r + 1]
                        stampsBetween = prefixStamps[mainLo] - prefixStamps[r + 1]
                    } else if mainHi >= 0 && r > mainHi {
                        between = prefixWords[r] - prefixWords[mainHi + 1]
                        stampsBetween = prefixStamps[r] - prefixStamps[mainHi + 1]
                    }
                    put(log1p(Double(between)))
                    put(Double(prefixWords[r]) / totalWords)
                    let short = words[r] <= shortWords && firstKey[r] != 0
                    put(short ? log1p(Double(firstCount[firstKey[r], default: 1] - 1)) : 0)
                    put(short ? log1p(Double(lastCount[lastKey[r], default: 1] - 1)) : 0)
                    let lo = max(0, r - 6), hi = min(n, r + 7)
                    put(log1p(Double(prefixStamps[hi] - prefixStamps[lo] - (stamp[r] ? 1 : 0))))
                    put(log1p(Double(stampsBetween)))
                    put(log1p(Double(streak[r])))
                    put(r >= 2 && prose[r - 2] ? 1 : 0)
                    put(r + 2 < n && prose[r + 2] ? 1 : 0)
                    put(Double(prefixProse[n] - prefixProse[r + 1]) / totalProse)
                }
            }
        }
        return out
    }

    /// FNV-1a keys of a line's first and last word, lowercased ASCII letters and any other byte as is; a
    /// run of digits counts as one "0" so that dates and counts of any value match.
    static func edgeKeys(_ text: String) -> (UInt64, UInt64) {
        var text = text
        return text.withUTF8 { bytes in
            func key(_ range: Range<Int>) -> UInt64 {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                var lastDigit = false
                for k in range {
                    var b = bytes[k]
                    let digit = b >= 0x30 && b <= 0x39
                    if digit { if lastDigit { continue }; b = 0x30 }
                    lastDigit = digit
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                }
                return h
            }
            var lo = 0, hi = bytes.count
            while lo < hi && bytes[lo] == 0x20 { lo += 1 }
            while hi > lo && bytes[hi - 1] == 0x20 { hi -= 1 }
            guard lo < hi else { return (0, 0) }
            var e = lo
            while e < hi && bytes[e] != 0x20 { e += 1 }
            var s = hi
            while s > lo && bytes[s - 1] != 0x20 { s -= 1 }
            return (key(lo..<e) | 1, key(s..<hi) | 1)
        }
    }
}
