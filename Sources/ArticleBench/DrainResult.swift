/// What one backlog drain measured.
struct DrainResult {
    var files: Int
    /// Rows committed when the drain ended: `files`, or fewer when it hit the time cap.
    var committed: Int
    var capped: Bool
    /// Spawn → "articled running" (connect, migrate, start watching).
    var startupSeconds: Double
    /// "articled running" → the poll that first saw all N rows committed (or the cap).
    var drainSeconds: Double
    /// Rows per status (`ingested`, `duplicate`, `rejected`).
    var statuses: [String: Int]
    /// `match_kind` counts when the schema has near-duplicate clustering (canonical, near_duplicate, revision).
    var matchKinds: [String: Int]
    /// Files found in processed/ at the end (moves follow each COMMIT).
    var processed: Int
    /// Articles still waiting for the background clusterer when the last file committed (schema v8 on).
    var clusterPendingAtEnd: Int? = nil
    /// Last commit → the clusterer's queue empty; nil when not measured (capped, older schema) or not reached.
    var clusterCatchUpSeconds: Double? = nil
    /// Last commit (or the cut) → `articled.search_queue` empty; nil when not measured or not reached.
    var searchCatchUpSeconds: Double?
    var searchPendingAtCut: Int?
    var searchPendingAtTimeout: Int?
    var peakRSSKilobytes: Int
    var daemonCPUSeconds: Double?
    /// CPU of the whole PostgreSQL cluster between "articled running" and the end of the drain.
    var postgresCPUSeconds: Double?
    var exitStatus: String
    /// Set when the drain could not be measured (the daemon made no progress, exited, …).
    var failure: String?

    static func failed(files: Int, reason: String) -> DrainResult {
        DrainResult(files: files, committed: 0, capped: false, startupSeconds: 0, drainSeconds: 0, statuses: [:], matchKinds: [:],
                    processed: 0, searchCatchUpSeconds: nil, searchPendingAtCut: nil, searchPendingAtTimeout: nil,
                    peakRSSKilobytes: 0, daemonCPUSeconds: nil, postgresCPUSeconds: nil, exitStatus: "n/a", failure: reason)
    }

    var filesPerSecond: Double { drainSeconds > 0 ? Double(committed) / drainSeconds : 0 }
    /// Including start-up: what a cold start on a backlog sees.
    var wallFilesPerSecond: Double { Double(committed) / (startupSeconds + drainSeconds) }
}
