import ArgumentParser
import ArticleCore
import ArticleStore
import Dispatch
import Foundation
import InboxWatcher
import Ingest
import Logging
import PQClient

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest files or folders now, print a summary, exit. Files are left where they are.")

    @OptionGroup var options: DatabaseOptions

    @Flag(name: .long, help: "Skip filling the full-text search vectors after ingesting.")
    var noSearchIndex = false

    @Argument(help: "Files or folders (a folder's first-level subfolders are publisher hints, as in the inbox).")
    var paths: [String]

    func run() throws {
        let config = try Console.loadConfig(options)
        Console.bootstrapLogging(level: config.logLevel == "info" ? "warning" : config.logLevel, format: config.logFormat)
        let logger = Logger(label: "articled")
        let entries: [InputPaths.Entry]
        do { entries = try InputPaths.expand(paths) } catch {
            Console.error(error.description)
            throw ExitStatus.usage
        }
        let store = try Console.connect(config, logger: logger)
        do { try store.migrate() } catch {
            Console.error("migrate: \(error)")
            throw ExitCode.failure
        }
        let learned = (try? store.learnedBoilerplate(minArticles: config.learnAfterArticles)) ?? [:]
        let processor = FileProcessor(normalizer: Normalizer(options: config.normalizerOptions(learned: learned)))
        var summary = IngestSummary()
        var newestArticle: Int?
        let started = DispatchTime.now()
        let progress = Console.stderrIsTerminal && entries.count > 200
        var start = 0
        while start < entries.count {
            let batch = Array(entries[start..<min(start + config.batchSize, entries.count)])
            start += batch.count
            let sources = batch.map { (files: InboxFiles(layout: InboxLayout(inbox: $0.root)), path: $0.relativePath) }
            // A report names its file by its claim (folder and path), whatever the order of the reports; a file
            // named twice on the command line is reported under its first name.
            var named: [String: String] = [:]
            for entry in batch {
                let file = FileClaim.fullPath(entry.relativePath, in: InboxLayout(inbox: entry.root).inbox)
                if named[file] == nil { named[file] = entry.display }
            }
            // The daemon's two stages: read and normalize on `ingest.workers` threads, then one transaction.
            let prepared = processor.readAll(sources, maxBytes: config.maxFileBytes, workers: config.effectiveWorkers,
                                             dropVanished: false)
            let reports: [FileReport]
            do {
                reports = try store.write(prepared, shouldAbandon: { false })
            } catch let error as PQError {
                Console.error("database: \(error)")
                throw error.isTransient ? ExitStatus.databaseUnreachable : ExitCode.failure
            }
            for report in reports {
                summary.add(report)
                if let newest = report.articleIDs.max() { newestArticle = max(newestArticle ?? newest, newest) }
                if let reason = report.reason {
                    Console.error("\(named[report.claim.fullPath] ?? report.claim.fullPath): \(reason)")
                }
            }
            if progress {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                FileHandle.standardError.write(Data(String(format: "\r%d/%d files, %.0f files/s ", start, entries.count,
                                                           Double(start) / max(seconds, 0.001)).utf8))
            }
        }
        if progress { FileHandle.standardError.write(Data("\n".utf8)) }
        // What it wrote is assigned to its story before it returns, so a script that queries next sees final
        // clusters. Articles of other writers below ours are assigned too (in id order); another clusterer
        // running (a daemon's) is waited for.
        if let newestArticle {
            do { try store.clusterUntilDone(through: newestArticle, limit: config.clusterBatch) } catch let error as PQError {
                Console.error("cluster: \(error)")
                throw error.isTransient ? ExitStatus.databaseUnreachable : ExitCode.failure
            }
        }
        if !noSearchIndex {
            do { while try store.indexSearch(limit: config.searchIndexBatch) > 0 {} } catch {
                Console.error("search index: \(error)")
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        Console.out(summary.line(files: entries.count, seconds: seconds))
        if summary.rejected > 0 { throw ExitStatus.rejected }
    }
}

/// Totals for the end-of-run summary line.
struct IngestSummary {
    var ingested = 0
    var duplicate = 0
    var unchanged = 0
    var rejected = 0

    mutating func add(_ report: FileReport) {
        ingested += report.ingested
        duplicate += report.duplicates
        unchanged += report.unchanged
        rejected += report.status == .rejected ? max(1, report.rejectedLines) : report.rejectedLines
    }

    func line(files: Int, seconds: Double) -> String {
        String(format: "%d file(s): %d ingested, %d duplicate, %d unchanged, %d rejected (%.2f s)",
               files, ingested, duplicate, unchanged, rejected, seconds)
    }
}
