/// What PostgreSQL needs to find and verify near duplicates of one body: the shingle set for the exact
/// check and the LSH band hashes for the index lookup (see `MinHash`).
public struct NearDuplicateSignature: Sendable, Equatable {
    /// Low 32 bits of each word-5-shingle hash, distinct and ascending (`articles.shingles`).
    public var shingles: [Int32]
    /// `MinHash.bands` band hashes (`articles.minhash_bands`); empty for an empty body.
    public var bands: [Int64]

    public init(shingles: [Int32], bands: [Int64]) {
        self.shingles = shingles
        self.bands = bands
    }

    /// Shingles both bodies share (both sets distinct and ascending, as stored).
    public func sharedShingles(with other: NearDuplicateSignature) -> Int {
        var i = 0, j = 0, shared = 0
        let a = shingles, b = other.shingles
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }

    /// |A ∩ B| / |A ∪ B|.
    public func jaccard(with other: NearDuplicateSignature) -> Double {
        let shared = sharedShingles(with: other)
        let union = shingles.count + other.shingles.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// |A ∩ B| / min(|A|, |B|): how much of the shorter body the longer one contains.
    public func containment(with other: NearDuplicateSignature) -> Double {
        let smaller = min(shingles.count, other.shingles.count)
        return smaller == 0 ? 0 : Double(sharedShingles(with: other)) / Double(smaller)
    }

    /// True when the two would be LSH candidates: at least one band hash in common.
    public func sharesBand(with other: NearDuplicateSignature) -> Bool {
        !Set(bands).isDisjoint(with: other.bands)
    }
}
