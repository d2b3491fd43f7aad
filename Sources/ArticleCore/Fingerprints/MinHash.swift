import TextKit

/// MinHash over word 5-shingles, cut into LSH bands: the near-duplicate signature of an article body.
///
/// Pure and seedless: every value comes from `StableHash` (FNV-1a + a 64-bit finalizer), never from
/// Swift's per-process seeded `Hasher`, because the shingles and band hashes are stored in
/// PostgreSQL and compared across processes, hosts and releases. Changing any constant here changes
/// every stored signature: clear `articles.shingles` and re-run the backfill when you do.
public enum MinHash {
    /// Words per shingle.
    public static let shingleWidth = 5
    /// LSH bands × rows per band = MinHash values. 64 × 3 makes a pair a candidate with probability
    /// 1 − (1 − J³)⁶⁴: 0.83 at Jaccard 0.3, 0.985 at 0.4, ≈1 from 0.5, and 0.0001 at 0.01 (unrelated text).
    /// 42 × 3 and 32 × 4 missed a heavily edited pair (J = 0.40) of the labelled set; see the README's curve.
    public static let bands = 64
    public static let rows = 3
    public static var signatureLength: Int { bands * rows }

    /// Lowercased word tokens of `text`: runs of letters and digits, so punctuation, quote style,
    /// dashes, apostrophes and line wrapping do not matter ("U.S." → "u", "s"; "don't" → "don", "t").
    public static func tokens(_ text: some StringProtocol) -> [String] {
        var out: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TextFold.isWordScalar(scalar) || (!word.isEmpty && scalar.properties.generalCategory == .nonspacingMark) {
                word.append(scalar)
            } else if !word.isEmpty {
                out.append(String(word).lowercased())
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { out.append(String(word).lowercased()) }
        return out
    }

    /// 64-bit hashes of the word 5-shingles of the body, distinct, in no particular order.
    /// A body of fewer than five words is one shingle of all its words; an empty body has none.
    public static func shingleHashes(_ paragraphs: [String]) -> [UInt64] {
        // Paragraph breaks are not word boundaries that matter: re-wrapped copies join or split them.
        let words = wordHashes(paragraphs)
        guard !words.isEmpty else { return [] }
        let width = min(shingleWidth, words.count)
        var seen = Set<UInt64>()
        var out: [UInt64] = []
        out.reserveCapacity(words.count)
        for start in 0...(words.count - width) {
            var hash = StableHash.offsetBasis
            for word in words[start..<(start + width)] {
                hash = (hash ^ word) &* StableHash.prime
                hash = StableHash.mix(hash, 0x20)
            }
            hash = StableHash.avalanche(hash)
            if seen.insert(hash).inserted { out.append(hash) }
        }
        return out
    }

    /// `tokens(p).map { fnv1a($0.utf8) }` for every paragraph, without a `String` per word: ASCII words are
    /// lowercased and hashed byte by byte as they are scanned. A word with any other letter takes the
    /// `tokens` path (`lowercased()` is Unicode's full mapping), so the hashes stay the stored ones.
    static func wordHashes(_ paragraphs: [String]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(paragraphs.reduce(0) { $0 + $1.utf8.count } / 5)
        for paragraph in paragraphs {
            var paragraph = paragraph
            paragraph.withUTF8 { appendWordHashes($0, to: &out) }
        }
        return out
    }

    private static func appendWordHashes(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt64]) {
        var hash = StableHash.offsetBasis
        var start = -1          // first byte of the word being scanned, -1 between words
        var ascii = true
        func finish(_ end: Int) {
            if ascii {
                out.append(hash)
            } else {
                let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                out.append(StableHash.fnv1a(word.lowercased().utf8))
            }
            start = -1
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                let lower = c | 0x20
                if (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                    if start < 0 { start = i; hash = StableHash.offsetBasis; ascii = true }
                    hash = StableHash.mix(hash, c >= 0x41 && c <= 0x5A ? lower : c)
                } else if start >= 0 {
                    finish(i)
                }
                i += 1
                continue
            }
            let (scalar, length) = decodeScalar(b, at: i)
            if TextFold.isWordScalar(scalar) || (start >= 0 && scalar.properties.generalCategory == .nonspacingMark) {
                if start < 0 { start = i }
                ascii = false
            } else if start >= 0 {
                finish(i)
            }
            i += length
        }
        if start >= 0 { finish(b.count) }
    }

    /// The scalar at `i` of valid UTF-8 (a `String`'s storage) and its length in bytes.
    @inline(__always)
    private static func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let c = UInt32(b[i])
        if c < 0xE0 { return (Unicode.Scalar((c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F))!, 2) }
        if c < 0xF0 {
            return (Unicode.Scalar((c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)) ?? "\u{FFFD}", 3)
        }
        let value = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }

    /// The shingle set as stored in `articles.shingles`: low 32 bits, distinct, ascending.
    /// 32 bits are plenty: two distinct shingles of one pair collide with probability ~n²/2³³.
    public static func storedShingles(_ hashes: [UInt64]) -> [Int32] {
        Array(Set(hashes.map { Int32(truncatingIfNeeded: $0) })).sorted()
    }

    private static func seeds(_ count: Int) -> [UInt64] {
        (0..<count).map { StableHash.avalanche(UInt64($0 + 1) &* 0x9E37_79B9_7F4A_7C15) }
    }

    private static let defaultSeeds = seeds(signatureLength)

    /// `signatureLength` minimum values, one per hash function h_i(x) = avalanche(x ^ seed_i).
    public static func minHashes(_ shingles: [UInt64], count: Int = signatureLength) -> [UInt64] {
        guard !shingles.isEmpty else { return [] }
        let seeds = count == signatureLength ? defaultSeeds : Self.seeds(count)
        var mins = [UInt64](repeating: .max, count: count)
        // shingles × count hashes (about 130,000 for a seed-sized body): the inner loop on raw buffers, without
        // bounds or uniqueness checks, is the daemon's largest single cost after the layout.
        mins.withUnsafeMutableBufferPointer { mins in
            seeds.withUnsafeBufferPointer { seeds in
                for shingle in shingles {
                    for i in 0..<count {
                        let value = StableHash.avalanche(shingle ^ seeds[i])
                        if value < mins[i] { mins[i] = value }
                    }
                }
            }
        }
        return mins
    }

    /// One hash per band of `rows` consecutive MinHash values, the band index mixed in so equal
    /// values in different bands never meet. Two bodies are LSH candidates when any band hash is equal.
    public static func bandHashes(_ mins: [UInt64], bands: Int = bands, rows: Int = rows) -> [Int64] {
        guard mins.count >= bands * rows else { return [] }
        return (0..<bands).map { band in
            var hash = StableHash.mix(StableHash.offsetBasis, UInt8(truncatingIfNeeded: band))
            hash = StableHash.mix(hash, UInt8(truncatingIfNeeded: band >> 8))
            for value in mins[(band * rows)..<(band * rows + rows)] {
                hash = (hash ^ value) &* StableHash.prime
            }
            return Int64(bitPattern: StableHash.avalanche(hash))
        }
    }

    /// The stored signature of a body.
    public static func signature(_ paragraphs: [String]) -> NearDuplicateSignature {
        let hashes = shingleHashes(paragraphs)
        return NearDuplicateSignature(shingles: storedShingles(hashes), bands: bandHashes(minHashes(hashes)))
    }
}
