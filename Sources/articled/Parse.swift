import ArgumentParser
import ArticleCore
import Foundation
import InboxWatcher
import Ingest

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one JSON object per article (NDJSON) for the given files or folders; no database.")

    @Option(name: .long, help: ArgumentHelp("Config file (for the publisher table and size limit).", valueName: "file"))
    var config: String?

    @Argument(help: "Files or folders.")
    var paths: [String]

    func run() throws {
        let options = try DatabaseOptions.parse(config.map { ["--config", $0] } ?? [])
        let settings = try Console.loadConfig(options)
        let entries: [InputPaths.Entry]
        do { entries = try InputPaths.expand(paths) } catch {
            Console.error(error.description)
            throw ExitStatus.usage
        }
        let processor = FileProcessor(normalizer: Normalizer(options: settings.normalizerOptions()))
        var failed = false
        for entry in entries {
            let files = InboxFiles(layout: InboxLayout(inbox: entry.root))
            let bytes: [UInt8]
            do {
                bytes = try files.read(entry.relativePath, maxBytes: settings.maxFileBytes)
            } catch {
                Console.error("\(entry.display): \(error.message)")
                failed = true
                continue
            }
            let prepared = processor.prepare(bytes: bytes, relativePath: entry.relativePath)
            if let reason = prepared.fileError {
                Console.error("\(entry.display): \(reason)")
                failed = true
                continue
            }
            for item in prepared.items {
                switch item.result {
                case .success(var article):
                    article.sourcePath = entry.display
                    Console.out(ArticleJSON.encode(article))
                case .failure(let error):
                    Console.error("\(entry.display): \(error)")
                    failed = true
                }
            }
        }
        if failed { throw ExitStatus.rejected }
    }
}
