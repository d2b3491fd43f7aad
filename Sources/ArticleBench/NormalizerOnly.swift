import Foundation

/// `articled-bench --normalizer-only`: the corpus and the normalizer phase, nothing else, so a change
/// to ArticleCore can be timed in seconds without a PostgreSQL cluster or a release daemon.
struct NormalizerOnly {
    let options: BenchOptions

    func run() throws -> String {
        let keep = !options.workDirectory.isEmpty
        var work = options.workDirectory
        if !keep {
            var template = Array("/tmp/articled-bench.XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw BenchError("cannot create a work folder in /tmp") }
            work = String(cString: made)
        }
        defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }

        let names = try FileManager.default.contentsOfDirectory(atPath: options.seeds).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw BenchError("no .txt seed articles in \(options.seeds)") }
        let generator = try ArticleGenerator(seedTexts: try names.map { try String(contentsOfFile: options.seeds + "/" + $0, encoding: .utf8) })
        let count = options.files.max()!
        let corpus = try Corpus.generate(count: count, into: work + "/inbox", generator: generator)
        Progress.say("generated \(count) files, mean \(corpus.totalBytes / count) B, into \(work)/inbox")

        // CPU time beside wall time: on a shared machine the wall clock also counts time spent waiting for a core.
        let cpuBefore = Self.cpuSeconds()
        let (z, _) = try NormalizerPhase(corpus: corpus, maxFiles: count, budget: options.normalizerSeconds).run()
        let cpu = Self.cpuSeconds() - cpuBefore
        guard z.articles == z.files, z.distinctBodies == z.files else {
            throw BenchError("the generated corpus is not usable: \(z.articles) of \(z.files) normalized, \(z.distinctBodies) distinct bodies")
        }
        return String(format: "normalizer alone, 1 thread: %d files in %.2f s, %.1f articles/s, %.2f MB/s; %.1f articles per CPU second",
                      z.files, z.seconds, z.articlesPerSecond, z.megabytesPerSecond, Double(z.articles + z.rejected) / cpu)
    }

    /// CPU time of the calling thread, the one the phase runs on. It also covers the phase's reading of
    /// the files and its warm-up, which the wall figure leaves out: a constant one or two percent.
    private static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
