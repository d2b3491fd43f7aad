import TextKit

/// The identity of a story's body: `content_hash` for exact duplicates, `simhash` for near duplicates.
/// Both read only the body paragraphs, so wrappers, captions and boilerplate do not change them.
public enum ContentHasher {
    /// Lowercased, quotes and dashes folded, whitespace collapsed, paragraphs joined by "\n".
    public static func canonicalBody(_ paragraphs: [String]) -> String {
        paragraphs.lazy.map { TextFold.fold($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
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
        // A bit is set when more shingles set it than clear it: counting the ones is that vote, without a
        // branch per bit (the per-bit +1/-1 was the normalizer's most expensive loop).
        var ones = [Int](repeating: 0, count: 64)
        var shingles = 0
        ones.withUnsafeMutableBufferPointer { ones in
            func vote(_ hash: UInt64) {
                let h = StableHash.avalanche(hash)
                for bit in 0..<64 { ones[bit] &+= Int(truncatingIfNeeded: (h >> UInt64(bit)) & 1) }
                shingles += 1
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
        }
        var result: UInt64 = 0
        for bit in 0..<64 where 2 * ones[bit] > shingles {
            result |= 1 << UInt64(bit)
        }
        return result
    }

    /// One FNV-1a hash per word (a run of letters or digits).
    private static func wordHashes(_ text: String) -> [UInt64] {
        var hashes = [UInt64]()
        var hash = StableHash.offsetBasis
        var inWord = false
        for scalar in text.unicodeScalars {
            if TextFold.isWordScalar(scalar) {
                for byte in UTF8.encode(scalar)! { hash = StableHash.mix(hash, byte) }
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
