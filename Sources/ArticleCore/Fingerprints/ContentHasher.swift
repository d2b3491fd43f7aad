import TextKit

/// The identity of a story's body: `content_hash` for exact duplicates, `simhash` for near duplicates.
/// Both read only the body paragraphs, so wrappers, captions and boilerplate do not change them.
public enum ContentHasher {
    /// Lowercased, quotes and dashes folded, whitespace collapsed, paragraphs joined by "\n".
    public static func canonicalBody(_ paragraphs: [String]) -> String {
        canonicalBody(folded: paragraphs.map { TextFold.fold($0) })
    }

    /// `canonicalBody` of paragraphs already folded. Eager on purpose: `joined` walks a lazy
    /// map twice (once to size the result), which folded every paragraph twice.
    static func canonicalBody(folded: [String]) -> String {
        folded.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Lowercase hex SHA-256 of `canonicalBody`.
    public static func contentHash(_ paragraphs: [String]) -> String {
        contentHash(canonical: canonicalBody(paragraphs))
    }

    static func contentHash(canonical: String) -> String {
        SHA256.hex(Array(canonical.utf8))
    }

    public static func wordCount(_ paragraphs: [String]) -> Int {
        paragraphs.reduce(0) { $0 + TextFold.wordCount($1) }
    }

    /// 64-bit SimHash over 3-word shingles of the canonical body (single words when the body is shorter).
    public static func simhash(_ paragraphs: [String]) -> UInt64 {
        simhash(canonical: canonicalBody(paragraphs))
    }

    /// Bits that differ between two SimHashes; a handful or fewer means near-duplicate bodies.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }

    static func simhash(canonical: String) -> UInt64 {
        let words = wordHashes(canonical)
        guard !words.isEmpty else { return 0 }
        // A bit is set when more shingles set it than clear it. The votes are counted eight bits at a
        // time in the bytes of eight lanes (bit 8k + j of the hash lands in byte k of lane j), so a shingle
        // costs eight adds instead of sixty-four; the lanes are emptied into `ones` before a byte can overflow.
        var ones = [Int](repeating: 0, count: 64)
        var shingles = 0
        ones.withUnsafeMutableBufferPointer { ones in
            var lanes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            var pending = 0
            func flush() {
                withUnsafeBytes(of: lanes) { raw in
                    let lane = raw.bindMemory(to: UInt64.self)
                    for j in 0..<8 {
                        let v = lane[j]
                        for k in 0..<8 { ones[8 * k + j] &+= Int(truncatingIfNeeded: (v >> UInt64(8 * k)) & 0xFF) }
                    }
                }
                lanes = (0, 0, 0, 0, 0, 0, 0, 0)
                pending = 0
            }
            func vote(_ hash: UInt64) {
                let h = StableHash.avalanche(hash)
                let m: UInt64 = 0x0101_0101_0101_0101
                lanes.0 &+= h & m
                lanes.1 &+= (h >> 1) & m
                lanes.2 &+= (h >> 2) & m
                lanes.3 &+= (h >> 3) & m
                lanes.4 &+= (h >> 4) & m
                lanes.5 &+= (h >> 5) & m
                lanes.6 &+= (h >> 6) & m
                lanes.7 &+= (h >> 7) & m
                shingles += 1
                pending += 1
                if pending == 255 { flush() }
            }
            let width = 3
            if words.count < width {
                words.forEach(vote)
            } else {
                for i in 0...(words.count - width) {
                    var h = StableHash.offsetBasis
                    for j in 0..<width {
                        h = (h ^ words[i + j]) &* StableHash.prime
                        h = StableHash.mix(h, 0x20)
                    }
                    vote(h)
                }
            }
            flush()
        }
        var result: UInt64 = 0
        for bit in 0..<64 where 2 * ones[bit] > shingles {
            result |= 1 << UInt64(bit)
        }
        return result
    }

    /// One FNV-1a hash per word (a run of letters or digits), over the word's UTF-8 bytes. Read from the
    /// bytes, with only non-ASCII scalars decoded: walking the scalars of the whole body cost more than hashing.
    private static func wordHashes(_ text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { bytes in
            var hashes = [UInt64]()
            hashes.reserveCapacity(bytes.count / 5)
            var hash = StableHash.offsetBasis
            var inWord = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let start = i
                let isWord: Bool
                if byte < 0x80 {
                    i += 1
                    if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                        hash = StableHash.mix(hash, byte)
                        inWord = true
                    } else if inWord {
                        hashes.append(hash)
                        hash = StableHash.offsetBasis
                        inWord = false
                    }
                    continue
                } else {
                    isWord = TextFold.isWordScalar(TextFold.decodeScalar(bytes, at: &i))
                }
                if isWord {
                    for k in start..<i { hash = StableHash.mix(hash, bytes[k]) }
                    inWord = true
                } else if inWord {
                    hashes.append(hash)
                    hash = StableHash.offsetBasis
                    inWord = false
                }
            }
            if inWord { hashes.append(hash) }
            return hashes
        }
    }
}
