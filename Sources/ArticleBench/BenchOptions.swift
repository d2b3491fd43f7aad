import Foundation

/// Command line of `articled-bench` (no ArgumentParser: the target depends on ArticleCore,
/// ArticleStore and Ingest only). Environment variables give the defaults.
struct BenchOptions {
    var conninfo = ""
    var articled = ""
    var files: [Int] = [20_000, 100_000]
    var latencySeconds = 30
    var rate = 100.0
    var workDirectory = ""
    var seeds = ""
    var searchTimeout = 300.0
    /// A drain still running after this long is cut (its rate is then rows so far / time so far).
    var drainMaxSeconds = 150.0
    /// After the last steady-load drop, how long to wait for the daemon to commit the rest.
    var latencyWaitSeconds = 120.0
    var normalizerSeconds = 15.0
    /// The peer script and the Python that has its packages; the peer drains are skipped when either is empty.
    var peerScript = ""
    var peerPython = ""
    var ceilingRows = 20_000
    /// Only generate the corpus and time `Normalizer.normalize` on it: no database, no daemon.
    var normalizerOnly = false
    /// Whether `--files` or BENCH_FILES was given; else normalizer-only mode uses a smaller corpus.
    private var filesGiven = false
    static let normalizerOnlyFiles = 3_000

    static let usage = """
        usage: articled-bench --conninfo "host=DIR port=N user=U" [--articled PATH] [--files 20000,100000]
                              [--latency-seconds 30] [--rate 100] [--work-dir DIR] [--seeds DIR]
               articled-bench --normalizer-only [--files 3000] [--normalizer-seconds 15] [--work-dir DIR] [--seeds DIR]
          --conninfo         keyword/value libpq string of a throwaway cluster, without dbname
                             (the bench creates and drops its own databases there)
          --articled         the release articled binary (default: beside this executable)
          --files            backlog sizes to drain, comma-separated (env BENCH_FILES)
          --latency-seconds  length of the steady-rate run (env BENCH_LATENCY_SECONDS)
          --rate             files per second in the steady-rate run (env BENCH_RATE)
          --work-dir         scratch folder for the corpus and inboxes (default: a new /tmp/articled-bench.XXXXXX)
          --seeds            folder with the seed articles (default: ./seeds)
          --drain-max-seconds  cut a drain after this long (env BENCH_DRAIN_MAX_SECONDS, default 150)
          --peer-script      scripts/peer-ingest.py: after each articled drain, the same files are drained by it
                             into a fresh database of the same cluster, and the ratio printed
          --peer-python      a Python with psycopg 3 and watchdog installed (scripts/bench.sh makes a venv in .local/)
          --normalizer-only  generate the corpus (--files N of them, default 3000) and time only the normalizer
                             on one thread; needs no database and no articled binary. The corpus is deleted
                             afterwards unless --work-dir is given
          --normalizer-seconds  time budget of the normalizer phase (default 15; raise it to always do all --files,
                             e.g. under valgrind)
        """

    static func parse(_ arguments: [String], environment: [String: String]) throws -> BenchOptions {
        var options = BenchOptions()
        if let value = environment["BENCH_FILES"] {
            options.files = try sizes(value)
            options.filesGiven = true
        }
        if let value = environment["BENCH_LATENCY_SECONDS"] { options.latencySeconds = try number(value, "BENCH_LATENCY_SECONDS") }
        if let value = environment["BENCH_RATE"] { options.rate = Double(try number(value, "BENCH_RATE")) }
        if let value = environment["BENCH_DRAIN_MAX_SECONDS"] { options.drainMaxSeconds = Double(try number(value, "BENCH_DRAIN_MAX_SECONDS")) }
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "-h" || flag == "--help" { throw BenchError(usage) }
            if flag == "--normalizer-only" {
                options.normalizerOnly = true
                continue
            }
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(usage)") }
            switch flag {
            case "--conninfo": options.conninfo = value
            case "--articled": options.articled = value
            case "--files":
                options.files = try sizes(value)
                options.filesGiven = true
            case "--latency-seconds": options.latencySeconds = try number(value, flag)
            case "--rate": options.rate = Double(try number(value, flag))
            case "--work-dir": options.workDirectory = value
            case "--seeds": options.seeds = value
            case "--drain-max-seconds": options.drainMaxSeconds = Double(try number(value, flag))
            case "--normalizer-seconds": options.normalizerSeconds = Double(try number(value, flag))
            case "--peer-script": options.peerScript = value
            case "--peer-python": options.peerPython = value
            default: throw BenchError("unknown option \(flag)\n\(usage)")
            }
        }
        if options.articled.isEmpty {
            let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            options.articled = here.appendingPathComponent("articled").path
        }
        if options.seeds.isEmpty { options.seeds = FileManager.default.currentDirectoryPath + "/seeds" }
        if options.normalizerOnly {
            if !options.filesGiven { options.files = [normalizerOnlyFiles] }
            return options
        }
        guard !options.conninfo.isEmpty else { throw BenchError("--conninfo is required\n\(usage)") }
        guard !options.conninfo.contains("://") else {
            throw BenchError("--conninfo must be keyword/value (host=… port=… user=…), not a URI: the bench appends dbname=")
        }
        guard FileManager.default.isExecutableFile(atPath: options.articled) else {
            throw BenchError("articled binary not found at \(options.articled) (build it: swift build -c release --product articled)")
        }
        if !options.peerScript.isEmpty, !FileManager.default.fileExists(atPath: options.peerScript) {
            throw BenchError("--peer-script: \(options.peerScript) not found")
        }
        guard options.rate > 0, options.latencySeconds > 0 else { throw BenchError("--rate and --latency-seconds must be positive") }
        return options
    }

    private static func sizes(_ text: String) throws -> [Int] {
        let values = try text.split(separator: ",").map { try number(String($0), "BENCH_FILES") }
        guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { throw BenchError("BENCH_FILES: expected sizes like 20000,100000") }
        return values.sorted()
    }

    private static func number(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) else {
            throw BenchError("\(name): \"\(text)\" is not a whole number")
        }
        return value
    }
}
