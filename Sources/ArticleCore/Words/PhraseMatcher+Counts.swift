import TextKit

extension PhraseMatcher.Haystack {
    /// `count(of:)` for every phrase at once: one pass over the text, where each position meets only
    /// the phrases that start with its byte. Publisher signatures and domains were one scan each of the
    /// page's chrome, a twentieth of a normalization.
    ///
    /// Matches of one phrase do not overlap, as in `count(of:)`: after a match the phrase is looked for
    /// again only past its end.
    func counts(of phrases: [String]) -> [Int] {
        let needles = phrases.map { Array(TextFold.fold($0).utf8) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (k, needle) in needles.enumerated() where !needle.isEmpty && needle.count <= bytes.count {
            byFirstByte[Int(needle[0])].append(k)
        }
        var counts = [Int](repeating: 0, count: needles.count)
        var nextAllowed = [Int](repeating: 0, count: needles.count)
        bytes.withUnsafeBufferPointer { hay in
            for i in hay.indices {
                let candidates = byFirstByte[Int(hay[i])]
                if candidates.isEmpty { continue }
                for k in candidates where i >= nextAllowed[k] && matches(needles[k], at: i, in: hay) {
                    counts[k] += 1
                    nextAllowed[k] = i + needles[k].count
                }
            }
        }
        return counts
    }

    /// `firstMatch`'s test at one position: the bytes, and word boundaries where the phrase has them.
    private func matches(_ needle: [UInt8], at i: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = needle.count
        guard m <= hay.count - i else { return false }
        for j in 1..<max(1, m) where hay[i + j] != needle[j] { return false }
        if PhraseMatcher.isWordByte(needle[0]) && i > 0 && PhraseMatcher.isWordByte(hay[i - 1]) { return false }
        if PhraseMatcher.isWordByte(needle[m - 1]) && i + m < hay.count && PhraseMatcher.isWordByte(hay[i + m]) { return false }
        return true
    }
}
