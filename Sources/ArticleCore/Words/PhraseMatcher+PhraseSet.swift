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
        /// Per byte: bit 1 when a phrase that must start a word starts with it, bit 2 when a phrase that may
        /// start anywhere does, bit 4 when it is a word byte. Inside a word most positions are skipped on one load.
        private let starts: [UInt8]
        /// Bit `a << 8 | b` is set when some phrase opens with bytes a, b, or is the single byte a: a position
        /// whose two bytes open no phrase is passed without comparing any.
        private let pairs: [UInt64]

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
            var starts = [UInt8](repeating: 0, count: 256)
            for phrase in sorted { starts[Int(phrase[0])] |= isWordByte(phrase[0]) ? 1 : 2 }
            for b in 0..<256 where isWordByte(UInt8(b)) { starts[b] |= 4 }
            self.starts = starts
            var pairs = [UInt64](repeating: 0, count: 1024)
            func set(_ bit: Int) { pairs[bit >> 6] |= 1 << UInt64(bit & 63) }
            for phrase in sorted {
                if phrase.count == 1 {
                    for b in 0..<256 { set(Int(phrase[0]) << 8 | b) }
                } else {
                    set(Int(phrase[0]) << 8 | Int(phrase[1]))
                }
            }
            self.pairs = pairs
        }

        /// Whether any phrase occurs in `hay` as `Haystack.contains(foldedPhrase:)` would find it.
        func occurs(in hay: [UInt8]) -> Bool {
            hay.withUnsafeBufferPointer { occurs(in: $0) }
        }

        func occurs(in h: UnsafeBufferPointer<UInt8>) -> Bool {
            starts.withUnsafeBufferPointer { starts in
                pairs.withUnsafeBufferPointer { pairs in
                    var afterWord = false
                    for i in h.indices {
                        let b = h[i]
                        let kind = starts[Int(b)]
                        if kind & 2 != 0 || (kind & 1 != 0 && !afterWord) {
                            // Only a one-byte phrase can start at the last byte; its bits cover every pair.
                            let pair = Int(b) << 8 | (i + 1 < h.count ? Int(h[i + 1]) : 0)
                            if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0, match(h, at: i, afterWord: afterWord) {
                                return true
                            }
                        }
                        afterWord = kind & 4 != 0
                    }
                    return false
                }
            }
        }

        /// Whether `hay` starts with a phrase that does not run on into a word ("subscribe to" but not
        /// "donated" for "donate").
        func opens(_ hay: [UInt8]) -> Bool {
            hay.withUnsafeBufferPointer { opens($0) }
        }

        func opens(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
            !h.isEmpty && match(h, at: 0, afterWord: false)
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
