/// One numbered schema change, kept as `Migrations/NNNN_name.sql` and embedded at build time.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
}
