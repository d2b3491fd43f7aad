import Foundation

// articled-bench: drain rate, steady-load latency, peak RSS, the set-based load ceiling and the
// normalizer alone, measured against the release `articled` binary and a throwaway PostgreSQL.
// `scripts/bench.sh` (make bench) builds, starts the cluster and runs this.
do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    let report = try Benchmark(options: options).run()
    print(report.render())
} catch {
    FileHandle.standardError.write(Data("articled-bench: \(error)\n".utf8))
    exit(1)
}
