import Foundation

/// The printed table: header (date, machine, PostgreSQL), one row per figure with its target, and
/// the one-line summary last.
struct Report {
    var date: Date
    var machine: MachineInfo
    var postgres: String
    var postgresSettings: String
    var articled: String
    var tuning: String
    var corpusFiles: Int
    var corpusBytes: Int
    var generateSeconds: Double
    var normalizer: NormalizerResult
    var drains: [DrainResult]
    /// The peer script's drains of the same files, when it ran.
    var peers: [PeerResult]
    var latency: LatencyResult
    var ceiling: CeilingResult
    var totalSeconds: Double

    // Targets of issue #11 (throughput against the peer script).
    static let drainTarget = 2_000.0
    static let p99Target = 50.0
    static let rssTargetMB = 150.0
    static let fractionTarget = 0.5
    /// articled's drain rate over the peer's, same files, same server, same run (issue #11).
    static let peerRatioTarget = 2.0
    /// Commit → clustered and commit → searchable at the steady rate (issue #11).
    static let settleTargetSeconds = 5.0

    var largest: DrainResult { drains.max { $0.files < $1.files }! }
    /// Wraps a long message into lines of at most `width` characters, at spaces.
    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    var peakRSSMB: Double {
        Double((drains.map(\.peakRSSKilobytes) + [latency.peakRSSKilobytes]).max() ?? 0) / 1024
    }
    var copyFraction: Double { ceiling.rowsPerSecond > 0 ? largest.filesPerSecond / ceiling.rowsPerSecond : 0 }

    func render() -> String {
        var out: [String] = []
        let stamp = ISO8601DateFormatter().string(from: date)
        out.append("articled benchmark, \(stamp)")
        out.append("machine     \(machine.cores) cores (nproc), \(machine.cpuModel), \(f(machine.memoryGiB, 1)) GiB RAM, Linux \(machine.kernel)")
        out.append("postgresql  \(postgres); throwaway cluster, Unix socket, data on local disk; \(postgresSettings)")
        out.append("articled    \(articled) (release); ARTICLED_* tuning: \(tuning); log level notice")
        out.append("corpus      \(n(corpusFiles)) generated .txt files from the 2 seeds + generated paragraphs, mean \(n(corpusBytes / max(1, corpusFiles))) B, "
                   + "written in \(f(generateSeconds, 1)) s")
        out.append("")
        let header = row("measure", "measured", "target", "")
        out.append(header)
        out.append(String(repeating: "-", count: header.count))

        for drain in drains.sorted(by: { $0.files < $1.files }) {
            if let failure = drain.failure {
                out.append(row("backlog drain, \(n(drain.files)) files", "FAILED (no rate)", "≥ \(n(Int(Self.drainTarget))) files/s", "MISSED"))
                out.append(contentsOf: wrap(failure, width: 110).map { "  " + $0 })
                continue
            }
            let target = "≥ \(n(Int(Self.drainTarget))) files/s"
            let verdict = drain.filesPerSecond >= Self.drainTarget ? "met" : "MISSED"
            let title = "backlog drain, \(n(drain.files)) files" + (drain.capped ? " (cut at \(f(drain.drainSeconds, 0)) s)" : "")
            out.append(row(title, "\(n(Int(drain.filesPerSecond))) files/s", target, verdict))
            if drain.capped {
                out.append(row("  TOO SLOW to finish: committed by the cut", "\(n(drain.committed)) of \(n(drain.files)) files", "", ""))
                out.append(row("  whole backlog at this rate would take", "\(f(Double(drain.files) / drain.filesPerSecond / 60, 0)) min", "", ""))
            }
            out.append(row("  drain time (\"articled running\" → last commit)", "\(f(drain.drainSeconds, 2)) s", "", ""))
            out.append(row("  daemon start-up (spawn → \"articled running\")", "\(f(drain.startupSeconds * 1000, 0)) ms", "", ""))
            out.append(row("  incl. start-up", "\(n(Int(drain.wallFilesPerSecond))) files/s", "", ""))
            let statuses = ["ingested", "duplicate", "rejected"].map { "\(n(drain.statuses[$0] ?? 0)) \($0)" }.joined(separator: ", ")
            out.append(row("  file rows", statuses, "", ""))
            if !drain.matchKinds.isEmpty {
                out.append(row("  article match_kind", drain.matchKinds.sorted { $0.key < $1.key }.map { "\(n($0.value)) \($0.key)" }
                    .joined(separator: ", "), "", ""))
            }
            out.append(row("  moved to processed/", n(drain.processed), "", ""))
            let rss = Double(drain.peakRSSKilobytes) / 1024
            out.append(row("  daemon peak RSS (VmHWM)", "\(f(rss, 1)) MB", "≤ \(Int(Self.rssTargetMB)) MB", rss <= Self.rssTargetMB ? "met" : "MISSED"))
            if let cpu = drain.daemonCPUSeconds {
                out.append(row("  articled CPU (user+sys, start → end of drain)", "\(f(cpu, 1)) s = \(f(cpu * 1000 / Double(max(1, drain.committed)), 1)) ms/file", "", ""))
            }
            if let pg = drain.postgresCPUSeconds {
                out.append(row("  PostgreSQL CPU (all processes, during drain)", "\(f(pg, 1)) s = \(f(pg * 1000 / Double(max(1, drain.committed)), 1)) ms/file", "", ""))
            }
            if let pendingAtEnd = drain.clusterPendingAtEnd {
                out.append(row("  waiting for the clusterer at the last commit", "\(n(pendingAtEnd)) articles", "", ""))
            }
            if let seconds = drain.clusterCatchUpSeconds {
                out.append(row("  cluster catch-up (last commit → queue empty)", "\(f(seconds, 2)) s", "", ""))
            }
            let searchLabel = drain.capped ? "  full-text catch-up after restart on empty inbox" : "  full-text catch-up (last commit → search queue empty)"
            if let search = drain.searchCatchUpSeconds {
                let pending = drain.searchPendingAtCut.map { ", \(n($0)) pending at the cut" } ?? ""
                out.append(row(searchLabel, "\(f(search, 1)) s\(pending)", "", ""))
            } else if let left = drain.searchPendingAtTimeout {
                out.append(row(searchLabel, "not reached: \(n(left)) left", "", ""))
            }
            if drain.exitStatus != "exit 0" { out.append(row("  daemon exit after SIGTERM", drain.exitStatus, "exit 0", "MISSED")) }
            if let peer = peers.first(where: { $0.files == drain.files }) { out.append(contentsOf: peerRows(peer, against: drain)) }
        }

        let l = latency
        out.append(row("steady load, \(f(l.targetRate, 0)) files/s for \(l.seconds) s", "\(n(l.dropped)) files, \(f(l.achievedRate, 1)) files/s", "", ""))
        out.append(row("  rename → commit, p50 (1 ms poll)", ms(l.commit.median), "", ""))
        out.append(row("  rename → commit, p90", ms(l.commit.value(90)), "", ""))
        out.append(row("  rename → commit, p99", ms(l.commit.value(99)), "≤ \(Int(Self.p99Target)) ms",
                       l.commit.value(99) <= Self.p99Target ? "met" : "MISSED"))
        out.append(row("  rename → commit, max", ms(l.commit.max), "", ""))
        if l.commit.finiteCount < l.dropped, l.commit.finiteCount > 0 {
            let done = Percentiles(l.commit.sorted.filter(\.isFinite))
            out.append(row("  committed files only, p50/p99/max", "\(ms(done.median, unit: false)) / \(ms(done.value(99), unit: false)) / \(ms(done.max))", "", ""))
        }
        out.append(row("  committed / dropped", "\(n(l.commit.finiteCount)) / \(n(l.dropped))", "all",
                       l.commit.finiteCount == l.dropped ? "met" : "MISSED"))
        out.append(row("  rename → in processed/ (inotify), p50/p99/max",
                       "\(ms(l.moved.median, unit: false)) / \(ms(l.moved.value(99), unit: false)) / \(ms(l.moved.max))", "", ""))
        let clusterSettle = l.clustered.value(99) / 1000
        out.append(row("  settle lag: commit → cluster assigned, p50/p99/max",
                       [l.clustered.median, l.clustered.value(99), l.clustered.max]
                           .map { $0.isFinite ? f($0, 0) : "not reached" }.joined(separator: " / ") + " ms",
                       "p99 ≤ \(f(Self.settleTargetSeconds, 0)) s", clusterSettle <= Self.settleTargetSeconds ? "met" : "MISSED"))
        let settle = l.searchable.value(99) / 1000
        out.append(row("  settle lag: commit → searchable, p50/p99/max",
                       [l.searchable.median, l.searchable.value(99), l.searchable.max]
                           .map { $0.isFinite ? f($0, 0) : "not reached" }.joined(separator: " / ") + " ms",
                       "p99 ≤ \(f(Self.settleTargetSeconds, 0)) s", settle <= Self.settleTargetSeconds ? "met" : "MISSED"))
        out.append(row("  commit poller", "\(n(Int(l.pollsPerSecond))) queries/s", "", ""))
        let lrss = Double(l.peakRSSKilobytes) / 1024
        out.append(row("  daemon peak RSS (VmHWM)", "\(f(lrss, 1)) MB", "≤ \(Int(Self.rssTargetMB)) MB", lrss <= Self.rssTargetMB ? "met" : "MISSED"))
        out.append(row("  dropper's worst lag behind schedule", "\(f(l.worstScheduleSlipMilliseconds, 2)) ms", "", ""))

        let c = ceiling
        out.append(row("ceiling: one COPY into articled.articles", "\(n(Int(c.rowsPerSecond))) rows/s", "", ""))
        out.append(row("  (1 transaction, signature columns included)", "\(n(c.inserted)) rows in \(f(c.loadSeconds, 2)) s", "", ""))
        out.append(row("  rows made from", "\(n(c.sample)) normalized articles", "", ""))
        out.append(row("drain \(n(largest.files)) / ceiling", "\(f(copyFraction, 2))", "≥ \(f(Self.fractionTarget, 1))",
                       copyFraction >= Self.fractionTarget ? "met" : "MISSED"))

        let z = normalizer
        out.append(row("normalizer alone, 1 thread, \(n(z.files)) files in memory", "\(f(z.articlesPerSecond, 1)) articles/s", "", ""))
        out.append(row("  throughput", "\(f(z.megabytesPerSecond, 1)) MB/s", "", ""))
        out.append(row("  corpus check: normalized / distinct bodies", "\(n(z.articles)) / \(n(z.distinctBodies)) of \(n(z.files))", "", ""))
        out.append("")
        out.append("MB = 2^20 bytes; the RSS figure in the last line is the highest VmHWM of all daemon runs.")
        if drains.contains(where: \.capped) {
            out.append("Drains that could not finish within the cap were cut; their rate is rows committed by the cut / time to it.")
        }
        if !peers.isEmpty {
            out.append("The peer drains the same generated files into a fresh database of the same cluster right after articled's drain;")
            out.append("rates on a shared machine move by ±30% between runs with what else runs: compare the ratio, not the rates.")
        }
        out.append("Total bench time \(f(totalSeconds / 60, 1)) min (corpus generation, \(drains.count) drains, \(peers.count) peer drains, full-text catch-up, steady load, ceiling, normalizer).")
        out.append("bench: files_per_s=\(Int(largest.filesPerSecond.rounded())) p50_ms=\(f(l.commit.median, 1)) p99_ms=\(f(l.commit.value(99), 1)) "
                   + "rss_mb=\(f(peakRSSMB, 1)) copy_fraction=\(f(copyFraction, 2)) settle_p99_ms=\(f(l.searchable.value(99), 0)) cluster_settle_p99_ms=\(f(l.clustered.value(99), 0))"
                   + (largestPeerRatio.map { " peer_files_per_s=\(Int((largest.filesPerSecond / $0).rounded())) peer_ratio=\(f($0, 2))" } ?? ""))
        return out.joined(separator: "\n")
    }

    /// The peer's drain of the same files, and articled's rate over it.
    private func peerRows(_ peer: PeerResult, against drain: DrainResult) -> [String] {
        var out: [String] = []
        let title = "peer drain, same \(n(peer.files)) files" + (peer.capped ? " (cut at \(f(peer.drainSeconds, 0)) s)" : "")
        if let failure = peer.failure {
            out.append(row(title, "FAILED (no rate)", "", ""))
            out.append(contentsOf: wrap(failure, width: 110).map { "  " + $0 })
            return out
        }
        out.append(row(title, "\(n(Int(peer.filesPerSecond))) files/s", "", ""))
        out.append(row("  (scripts/peer-ingest.py: watchdog + psycopg 3,", "one INSERT + COMMIT per file", "", ""))
        out.append(row("   first line title, rest body, move after commit)", "", "", ""))
        if peer.capped { out.append(row("  committed by the cut", "\(n(peer.committed)) of \(n(peer.files)) files", "", "")) }
        out.append(row("  drain time (\"peer running\" → last commit)", "\(f(peer.drainSeconds, 2)) s", "", ""))
        out.append(row("  start-up (spawn → \"peer running\")", "\(f(peer.startupSeconds * 1000, 0)) ms", "", ""))
        out.append(row("  moved to done/", n(peer.processed), "", ""))
        out.append(row("  peer peak RSS (VmHWM)", "\(f(Double(peer.peakRSSKilobytes) / 1024, 1)) MB", "", ""))
        if let cpu = peer.cpuSeconds {
            out.append(row("  peer CPU (user+sys, start → end of drain)", "\(f(cpu, 1)) s = \(f(cpu * 1000 / Double(max(1, peer.committed)), 1)) ms/file", "", ""))
        }
        if let pg = peer.postgresCPUSeconds {
            out.append(row("  PostgreSQL CPU (all processes, during drain)", "\(f(pg, 1)) s = \(f(pg * 1000 / Double(max(1, peer.committed)), 1)) ms/file", "", ""))
        }
        if drain.failure == nil, peer.filesPerSecond > 0 {
            let ratio = drain.filesPerSecond / peer.filesPerSecond
            out.append(row("articled / peer, \(n(peer.files)) files", "\(f(ratio, 2))×", "≥ \(f(Self.peerRatioTarget, 0))×",
                           ratio >= Self.peerRatioTarget ? "met" : "MISSED"))
        }
        return out
    }

    /// articled's rate over the peer's for the largest drain; nil when either is missing.
    var largestPeerRatio: Double? {
        guard largest.failure == nil, let peer = peers.first(where: { $0.files == largest.files }),
              peer.failure == nil, peer.filesPerSecond > 0 else { return nil }
        return largest.filesPerSecond / peer.filesPerSecond
    }

    /// Milliseconds, or "not committed" for files that never arrived (+∞).
    private func ms(_ value: Double, unit: Bool = true) -> String {
        value.isFinite ? f(value, 1) + (unit ? " ms" : "") : "not committed"
    }

    private func row(_ measure: String, _ measured: String, _ target: String, _ verdict: String) -> String {
        pad(measure, 56) + "  " + pad(measured, 34) + "  " + pad(target, 16) + "  " + verdict
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func f(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "n/a"
    }

    /// Thousands separators: 100000 → 100,000.
    private func n(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }
}
