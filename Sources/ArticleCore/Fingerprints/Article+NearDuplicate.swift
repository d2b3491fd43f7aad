extension Article {
    /// The MinHash/LSH signature of the body paragraphs (see `MinHash`).
    public var nearDuplicateSignature: NearDuplicateSignature { MinHash.signature(paragraphs) }
}
