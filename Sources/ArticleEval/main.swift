import Foundation

// articled-eval: scores the normalizer against the hand-written fixture corpus.
// A report, not a gate: exit 0 whatever the scores; 1 when the corpus cannot be read; 2 on bad usage.

let usage = """
    usage: articled-eval [--verbose] [--json] [CORPUS_DIR]

    Runs ArticleCore's Normalizer on every input in CORPUS_DIR (default Tests/Fixtures/corpus) that has a
    NAME.expected.json beside it, and prints title / body-token / boilerplate / caption / date / author /
    error-case scores. See Tests/Fixtures/corpus/README.md for the expected-file format.

      --verbose, -v   also list per-article scores, error cases and the worst paragraph diffs
      --json          print the totals as JSON instead of the table
      --scaling       time the normalizer on 0.1, 1 and 10 MB inputs instead (linear time check)
      --line-features FILE...   print the body model's feature vector for every line of these copied-text
                      files (tab-separated; scripts/train-body-model.py reads it)
      --title-candidates FILE...   print every headline candidate of these copied-text files with the
                      title model's feature vector (tab-separated; scripts/train-title-model.py reads it)
      --html-blocks FILE...   print every text block of these HTML pages' bodies with the block model's
                      feature vector and class/id words (tab-separated; scripts/train-html-model.py reads it)
      --help, -h      this text
    """

var verbose = false
var asJSON = false
var scaling = false
var corpus: String?
if CommandLine.arguments.dropFirst().first == "--line-features" {
    exit(LineFeatureDump.run(Array(CommandLine.arguments.dropFirst(2))))
}
if CommandLine.arguments.dropFirst().first == "--html-blocks" {
    exit(HTMLBlockDump.run(Array(CommandLine.arguments.dropFirst(2))))
}
if CommandLine.arguments.dropFirst().first == "--title-candidates" {
    exit(TitleCandidateDump.run(Array(CommandLine.arguments.dropFirst(2))))
}
for arg in CommandLine.arguments.dropFirst() {
    switch arg {
    case "--verbose", "-v": verbose = true
    case "--json": asJSON = true
    case "--scaling": scaling = true
    case "--help", "-h":
        print(usage)
        exit(0)
    default:
        if arg.hasPrefix("-") || corpus != nil {
            FileHandle.standardError.write(Data("articled-eval: unexpected argument \(arg)\n\(usage)\n".utf8))
            exit(2)
        }
        corpus = arg
    }
}

if scaling {
    print(ScalingProbe.table(), terminator: "")
    exit(0)
}

do {
    let score = try CorpusScore(root: corpus ?? "Tests/Fixtures/corpus")
    let report = Report(score)
    if asJSON {
        print(report.json())
    } else {
        print(report.table(), terminator: "")
        if verbose { print("\n" + report.verbose(), terminator: "") }
    }
} catch {
    FileHandle.standardError.write(Data("articled-eval: \(error)\n".utf8))
    exit(1)
}
