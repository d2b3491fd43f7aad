import ArticleStore
import Foundation

/// Runs every phase in order and builds the report.
struct Benchmark {
    let options: BenchOptions

    func run() throws -> Report {
        let began = Monotonic.now()
        let database = BenchDatabase(baseConninfo: options.conninfo)
        let version = try database.setting("server_version")
        let settings = try ["fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers", "max_wal_size"]
            .map { "\($0)=\(try database.setting($0))" }.joined(separator: " ")
        Progress.say("PostgreSQL \(version): \(settings)")

        var work = options.workDirectory
        if work.isEmpty {
            var template = Array("/tmp/articled-bench.XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw BenchError("cannot create a work folder in /tmp") }
            work = String(cString: made)
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let launcher = try DaemonLauncher(executable: options.articled, workDirectory: work)

        let seedTexts = try seedArticles()
        let generator = try ArticleGenerator(seedTexts: seedTexts)
        let largest = options.files.max()!
        Progress.say("generating \(largest) article files into \(work)/inbox")
        let generateStart = Monotonic.now()
        let corpus = try Corpus.generate(count: largest, into: work + "/inbox", generator: generator)
        let generateSeconds = Monotonic.now() - generateStart
        Progress.say("generated \(largest) files, \(corpus.totalBytes / 1_000_000) MB, in \(String(format: "%.1f", generateSeconds)) s")

        Progress.say("normalizer: one thread, up to \(Int(options.normalizerSeconds)) s")
        let (normalizer, sample) = try NormalizerPhase(corpus: corpus, maxFiles: 20_000, budget: options.normalizerSeconds).run()
        Progress.say("normalizer: \(normalizer.files) files, \(String(format: "%.1f", normalizer.articlesPerSecond)) articles/s")
        guard normalizer.articles == normalizer.files, normalizer.distinctBodies == normalizer.files else {
            throw BenchError("the generated corpus is not usable: \(normalizer.articles) of \(normalizer.files) normalized, "
                             + "\(normalizer.distinctBodies) distinct bodies")
        }

        // Files at least a second old, or the daemon defers them as possibly still being written.
        Monotonic.sleep(until: generateStart + generateSeconds + 1.1)
        let postgresCPU = PostgresCPU(database: database)
        var drains: [DrainResult] = []
        var peers: [PeerResult] = []
        let runPeer = !options.peerScript.isEmpty && !options.peerPython.isEmpty
        for files in options.files {
            let phase = DrainPhase(files: files, corpus: corpus, database: database, launcher: launcher, workDirectory: work,
                                   measureSearch: files == largest, searchTimeout: options.searchTimeout,
                                   maxSeconds: options.drainMaxSeconds, postgresCPU: postgresCPU)
            do {
                drains.append(try phase.run())
            } catch {
                // One drain failing (a stuck daemon) must not hide the other figures: report it and go on.
                Progress.say("drain \(files): FAILED: \(error)")
                drains.append(.failed(files: files, reason: "\(error)"))
                try? FileManager.default.removeItem(atPath: "\(work)/drain-\(files)")
            }
            // Same files, same server, right after: the ratio of the two rates is what holds on a shared machine.
            guard runPeer else { continue }
            let peer = PeerPhase(files: files, corpus: corpus, database: database, python: options.peerPython,
                                 script: options.peerScript, workDirectory: work, maxSeconds: options.drainMaxSeconds,
                                 postgresCPU: postgresCPU)
            do {
                peers.append(try peer.run())
            } catch {
                Progress.say("peer \(files): FAILED: \(error)")
                peers.append(.failed(files: files, reason: "\(error)"))
            }
        }

        let latency = try LatencyPhase(seconds: options.latencySeconds, rate: options.rate, generator: generator,
                                       database: database, launcher: launcher, workDirectory: work,
                                       drainTimeout: options.latencyWaitSeconds).run()
        Progress.say("latency: p50 \(String(format: "%.1f", latency.commit.median)) ms, p99 \(String(format: "%.1f", latency.commit.value(99))) ms")

        let ceilingRows = min(largest, options.ceilingRows)
        Progress.say("ceiling: loading \(ceilingRows) rows")
        let ceiling = try CeilingPhase(sample: sample, rows: ceilingRows, database: database).run()

        return Report(date: Date(), machine: .current(), postgres: "PostgreSQL \(version)", postgresSettings: settings,
                      articled: options.articled, tuning: launcher.tuning, corpusFiles: corpus.count,
                      corpusBytes: corpus.totalBytes, generateSeconds: generateSeconds, normalizer: normalizer,
                      drains: drains, peers: peers, latency: latency, ceiling: ceiling, totalSeconds: Monotonic.now() - began)
    }

    /// The seed articles (`.txt`) the corpus is derived from.
    private func seedArticles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: options.seeds).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw BenchError("no .txt seed articles in \(options.seeds)") }
        return try names.map { try String(contentsOfFile: options.seeds + "/" + $0, encoding: .utf8) }
    }
}
