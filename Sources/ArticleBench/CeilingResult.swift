/// The load ceiling: the same normalized rows, loaded by one COPY.
struct CeilingResult {
    var rows: Int
    /// Distinct normalized articles the rows were made from.
    var sample: Int
    var inserted: Int
    /// BEGIN, the COPY, COMMIT.
    var loadSeconds: Double
    /// Client-side building of the rows and array parameters (not counted in the rate).
    var encodeSeconds: Double
    var rowsPerSecond: Double { Double(inserted) / loadSeconds }
}
