/// The set-based load ceiling: the same normalized rows, loaded as fast as SQL allows.
struct CeilingResult {
    var rows: Int
    /// Distinct normalized articles the rows were made from.
    var sample: Int
    var inserted: Int
    var batchSize: Int
    /// Server time only: BEGIN, the INSERT … SELECT FROM unnest statements, COMMIT.
    var loadSeconds: Double
    /// Client-side building of the rows and array parameters (not counted in the rate).
    var encodeSeconds: Double
    var rowsPerSecond: Double { Double(inserted) / loadSeconds }
}
