extension PhraseMatcher {
    /// Many folded phrases searched in one pass over a line, with `Haystack.firstMatch`'s word-boundary
    /// rules. The boilerplate lists ask "does any of these ~200 phrases occur"; one scan per phrase was
    /// a tenth of a normalization, and here each position only meets the phrases starting with its byte,
    /// none of them when it is inside a word and they must start one.
    struct PhraseSet: Sendable {
        /// The phrases' bytes one after another, grouped by first byte; `ends[k]` closes phrase k.
        private let bytes: [UInt8]
        private let ends: [Int]
        /// Phrases `groups[b]..<groups[b + 1]` start with byte b.
        private let groups: [Int]
        private let wordStart: [Bool]
        private let wordEnd: [Bool]

        init(_ phrases: [[UInt8]]) {
            let sorted = phrases.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
            var bytes: [UInt8] = [], ends: [Int] = [], groups = [Int](repeating: sorted.count, count: 257)
            for (k, phrase) in sorted.enumerated() {
                if groups[Int(phrase[0])] == sorted.count { groups[Int(phrase[0])] = k }
                bytes += phrase
                ends.append(bytes.count)
            }
            // Empty groups start where the next non-empty one does.
            for b in stride(from: 255, through: 0, by: -1) where groups[b] == sorted.count { groups[b] = groups[b + 1] }
            self.bytes = bytes
            self.ends = ends
            self.groups = groups
            wordStart = sorted.map { isWordByte($0[0]) }
            wordEnd = sorted.map { isWordByte($0[$0.count - 1]) }
        }

        /// Whether any phrase occurs in `hay` as `Haystack.contains(foldedPhrase:)` would find it.
        func occurs(in hay: [UInt8]) -> Bool {
            hay.withUnsafeBufferPointer { h in
                for i in h.indices where match(h, at: i, afterWord: i > 0 && isWordByte(h[i - 1])) { return true }
                return false
            }
        }

        /// Whether `hay` starts with a phrase that does not run on into a word ("subscribe to" but not
        /// "donated" for "donate").
        func opens(_ hay: [UInt8]) -> Bool {
            hay.withUnsafeBufferPointer { h in !h.isEmpty && match(h, at: 0, afterWord: false) }
        }

        @inline(__always)
        private func match(_ h: UnsafeBufferPointer<UInt8>, at i: Int, afterWord: Bool) -> Bool {
            let first = Int(h[i])
            var k = groups[first]
            let end = groups[first + 1]
            while k < end {
                defer { k += 1 }
                if afterWord && wordStart[k] { continue }
                let start = k == 0 ? 0 : ends[k - 1]
                let m = ends[k] - start
                guard m <= h.count - i else { continue }
                var j = 1
                while j < m && h[i + j] == bytes[start + j] { j += 1 }
                guard j == m else { continue }
                if wordEnd[k] && i + m < h.count && isWordByte(h[i + m]) { continue }
                return true
            }
            return false
        }
    }
}
