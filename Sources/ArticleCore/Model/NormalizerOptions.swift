/// What the normalizer knows beyond the bytes of one file: publishers, and boilerplate lines the store
/// has learned per publisher from the corpus.
public struct NormalizerOptions: Sendable {
    public var publishers: PublisherTable
    /// Publisher name -> `LineFingerprint`s of lines known to be boilerplate for that publisher.
    public var learnedBoilerplate: [String: Set<Int64>]
    /// Larger inputs are refused with `.tooLarge` rather than parsed.
    public var maxInputBytes: Int

    public init(
        publishers: PublisherTable = .builtIn,
        learnedBoilerplate: [String: Set<Int64>] = [:],
        maxInputBytes: Int = 64 << 20
    ) {
        self.publishers = publishers
        self.learnedBoilerplate = learnedBoilerplate
        self.maxInputBytes = maxInputBytes
    }
}
