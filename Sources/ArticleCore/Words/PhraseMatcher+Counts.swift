import TextKit

extension PhraseMatcher.Haystack {
    /// `count(of:)` for every phrase at once: one pass over the text, where each position meets only
    /// the phrases that start with its byte. Publisher signatures and domains were one scan each of the
    /// page's chrome, a twentieth of a normalization.
    ///
    /// Matches of one phrase do not overlap, as in `count(of:)`: after a match the phrase is looked for
    /// again only past its end.
    func counts(of phrases: [String]) -> [Int] {
        PhraseMatcher.PhraseCounter(phrases).counts(in: bytes)
    }
}

extension PhraseMatcher {
    /// The folded phrases of `Haystack.counts(of:)`, indexed by first byte once: the publisher table asks
    /// the same few hundred phrases of every page, and folding them per page cost more than the search.
    struct PhraseCounter: Sendable, Equatable {
        private let needles: [[UInt8]]
        /// Phrases `members[groups[b]..<groups[b + 1]]` start with byte b.
        private let groups: [Int]
        private let members: [Int]
        /// Per byte: 0 when no phrase starts with it, 1 when only phrases that must start a word do, else 2.
        private let starts: [UInt8]

        init(_ phrases: [String]) {
            let needles = phrases.map { Array(TextFold.fold($0).utf8) }
            self.needles = needles
            let order = needles.indices.filter { !needles[$0].isEmpty }.sorted {
                (needles[$0][0], $0) < (needles[$1][0], $1)
            }
            var groups = [Int](repeating: order.count, count: 257)
            var starts = [UInt8](repeating: 0, count: 256)
            for (position, k) in order.enumerated().reversed() {
                let b = Int(needles[k][0])
                groups[b] = position
                starts[b] = max(starts[b], PhraseMatcher.isWordByte(needles[k][0]) ? 1 : 2)
            }
            for b in stride(from: 255, through: 0, by: -1) where starts[b] == 0 { groups[b] = groups[b + 1] }
            self.groups = groups
            self.members = order
            self.starts = starts
        }

        /// How often each phrase occurs in the folded bytes `hay`, in `phrases` order.
        func counts(in hay: [UInt8]) -> [Int] {
            var counts = [Int](repeating: 0, count: needles.count)
            var nextAllowed = [Int](repeating: 0, count: needles.count)
            hay.withUnsafeBufferPointer { hay in
                var afterWord = false
                for i in hay.indices {
                    let b = Int(hay[i])
                    let kind = starts[b]
                    defer { afterWord = PhraseMatcher.isWordByte(hay[i]) }
                    guard kind == 2 || (kind == 1 && !afterWord) else { continue }
                    for position in groups[b]..<groups[b + 1] {
                        let k = members[position]
                        if i >= nextAllowed[k] && Self.matches(needles[k], at: i, in: hay) {
                            counts[k] += 1
                            nextAllowed[k] = i + needles[k].count
                        }
                    }
                }
            }
            return counts
        }

        /// `firstMatch`'s test at one position: the bytes, and word boundaries where the phrase has them.
        private static func matches(_ needle: [UInt8], at i: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
            let m = needle.count
            guard m <= hay.count - i else { return false }
            for j in 1..<max(1, m) where hay[i + j] != needle[j] { return false }
            if PhraseMatcher.isWordByte(needle[0]) && i > 0 && PhraseMatcher.isWordByte(hay[i - 1]) { return false }
            if PhraseMatcher.isWordByte(needle[m - 1]) && i + m < hay.count && PhraseMatcher.isWordByte(hay[i + m]) { return false }
            return true
        }
    }
}
