import Foundation

// articled-bench: drain rate, steady-load latency, peak RSS, the set-based load ceiling and the
// normalizer alone, measured against the release `articled` binary and a throwaway PostgreSQL.
// `scripts/bench.sh` (make bench) builds, starts the cluster and runs this; `--normalizer-only`
// times the normalizer by itself.
do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    if options.normalizerOnly {
        print(try NormalizerOnly(options: options).run())
    } else {
        print(try Benchmark(options: options).run().render())
    }
} catch {
    FileHandle.standardError.write(Data("articled-bench: \(error)\n".utf8))
    exit(1)
}
