import ArticleCore

/// One numbered schema change, kept as `Migrations/NNNN_name.sql` and embedded at build time.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    /// Identifies the exact SQL that was applied, so a changed file is noticed.
    public var checksum: String { SHA256.hex(Array(sql.utf8)) }
}
