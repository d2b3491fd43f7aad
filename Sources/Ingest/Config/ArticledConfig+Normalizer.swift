import ArticleCore

extension ArticledConfig {
    /// The normalizer this configuration asks for: the built-in publisher table plus the user's entries,
    /// the boilerplate lines learned so far, and the size limit of `inbox.max_file_bytes`.
    public func normalizerOptions(learned: [String: Set<Int64>] = [:]) -> NormalizerOptions {
        var options = NormalizerOptions()
        options.publishers = PublisherTable.builtIn.merging(publishers.map {
            Publisher(name: $0.name, domains: $0.domains, signatures: $0.signatures)
        })
        options.learnedBoilerplate = learned
        options.maxInputBytes = Int(clamping: maxFileBytes)
        return options
    }
}
