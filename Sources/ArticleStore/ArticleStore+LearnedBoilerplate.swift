import ArticleCore

extension ArticleStore {
    /// Publisher → fingerprints of lines seen in at least `minArticles` distinct articles of it.
    public func learnedBoilerplate(minArticles: Int) throws -> [String: Set<Int64>] {
        let rows = try connection.execute("""
            SELECT publisher, fingerprint FROM articled.learned_lines WHERE articles >= $1::integer
            """, [String(minArticles)])
        var result: [String: Set<Int64>] = [:]
        for row in 0..<rows.rowCount {
            guard let publisher = try rows.string(row, 0), let text = try rows.string(row, 1), let value = Int64(text) else { continue }
            result[publisher, default: []].insert(value)
        }
        return result
    }
}
