extension InputFormat {
    /// `.ndjson`/`.jsonl`: one article per line, each line accounted for on its own (its own result, its own
    /// `line_no`). The normalizer and the pipeline both ask here, so the two never disagree about a file.
    public static func isLineDelimited(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl")
    }
}
