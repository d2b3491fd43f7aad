/// What the steady-rate run measured; latencies in milliseconds.
struct LatencyResult {
    var seconds: Int
    var targetRate: Double
    var dropped: Int
    /// Files dropped / (last rename − first rename).
    var achievedRate: Double
    /// Rename → row visible to another connection (commit); +∞ for files not committed by the end.
    var commit: Percentiles
    /// Rename → file arrived in processed/ (commit, then move).
    var moved: Percentiles
    /// Settle lag: commit → the article has its search vector; +∞ for those without one by the end.
    var searchable: Percentiles
    /// Settle lag: commit → the background clusterer assigned the article's story; +∞ for those still queued.
    var clustered: Percentiles
    var pollsPerSecond: Double
    var peakRSSKilobytes: Int
    var daemonCPUSeconds: Double?
    var exitStatus: String
    /// How far behind its schedule the dropper fell at worst (ms): shows whether pacing held.
    var worstScheduleSlipMilliseconds: Double
}
