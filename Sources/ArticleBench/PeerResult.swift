/// What one drain of the peer script (`scripts/peer-ingest.py`) measured, on the same files as articled's.
struct PeerResult {
    var files: Int
    /// Rows committed when the drain ended: `files`, or fewer when it hit the time cap.
    var committed: Int
    var capped: Bool
    /// Spawn → "peer running" (interpreter start, imports, connect, CREATE TABLE, watch started).
    var startupSeconds: Double
    /// "peer running" → the poll that first saw all N rows committed (or the cap).
    var drainSeconds: Double
    /// Files found in the peer's done folder at the end.
    var processed: Int
    var peakRSSKilobytes: Int
    var cpuSeconds: Double?
    /// CPU of the whole PostgreSQL cluster between "peer running" and the end of the drain.
    var postgresCPUSeconds: Double?
    /// Set when the drain could not be measured (the script failed to start, stalled, exited).
    var failure: String?

    static func failed(files: Int, reason: String) -> PeerResult {
        PeerResult(files: files, committed: 0, capped: false, startupSeconds: 0, drainSeconds: 0, processed: 0,
                   peakRSSKilobytes: 0, cpuSeconds: nil, postgresCPUSeconds: nil, failure: reason)
    }

    var filesPerSecond: Double { drainSeconds > 0 ? Double(committed) / drainSeconds : 0 }
}
