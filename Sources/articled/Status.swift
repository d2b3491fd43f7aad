import ArgumentParser
import ArticleStore
import Foundation
import InboxWatcher
import Ingest
import Logging

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show what is in the database and the inbox.")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let config = try Console.loadConfig(options)
        Console.bootstrapLogging(level: "warning", format: config.logFormat)
        let store = try Console.connect(config, logger: Logger(label: "articled"))
        let versions = (try? Migrator().appliedVersions(store.connection)) ?? []
        guard !versions.isEmpty else {
            Console.out("database: reachable, but the articled schema is not installed (run: articled migrate)")
            return
        }
        let status: StoreStatus
        do { status = try store.status() } catch {
            Console.error("status: \(error)")
            throw ExitCode.failure
        }
        var lines = [
            "schema version:   \(status.schemaVersion)",
            "articles:         \(status.articles) (\(status.stories) stories)",
            "files:            \(status.filesIngested) ingested, \(status.filesDuplicate) duplicate, \(status.filesRejected) rejected",
            "captions, quotes: \(status.captions), \(status.quotes)",
            "search pending:   \(status.searchPending)",
            "cluster pending:  \(status.clusterPending)",
            "last received:    \(status.lastReceivedAt ?? "never")",
        ]
        lines += inboxLines(config)
        let daemons = (try? store.liveDaemons()) ?? []
        lines.append("daemons:          \(daemons.isEmpty ? "none reporting" : "\(daemons.count) running")")
        for daemon in daemons {
            lines.append("  \(daemon.host) pid \(daemon.pid) \(daemon.inbox): \(daemon.counters) (\(Int(daemon.age)) s ago)")
            // Spelled out: the reason files wait in the inbox (disk full, a file it may not read) is what to act on.
            if let object = try? JSONSerialization.jsonObject(with: Data(daemon.counters.utf8)) as? [String: Any],
               let problem = object["problem"] as? String {
                lines.append("    problem: \(problem)")
            }
        }
        if !status.publishers.isEmpty {
            lines.append("publishers (articles / sightings):")
            let width = status.publishers.map(\.publisher.count).max() ?? 0
            for total in status.publishers {
                let pad = String(repeating: " ", count: max(0, width - total.publisher.count))
                lines.append("  \(total.publisher)\(pad)  \(total.articles) / \(total.sightings)")
            }
        }
        lines.forEach(Console.out)
    }

    /// Counts what waits in the inbox and sits in processed/ and rejected/, when they exist here.
    private func inboxLines(_ config: ArticledConfig) -> [String] {
        let layout = config.layout
        guard FileManager.default.fileExists(atPath: layout.inbox) else { return ["inbox:            \(layout.inbox) (not present on this host)"] }
        // One streaming pass per folder: a million waiting files are counted, never held in memory.
        func count(_ path: String, skipping excluded: [String] = []) -> Int {
            guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
            var total = 0
            while let name = walker.nextObject() as? String {
                if excluded.contains(path + "/" + name) {
                    walker.skipDescendants()
                    continue
                }
                if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular,
                   !InboxNames.isIgnoredPath(name), !name.hasSuffix(".error") { total += 1 }
            }
            return total
        }
        let waiting = count(layout.inbox, skipping: [layout.processed, layout.rejected])
        return ["inbox:            \(layout.inbox): \(waiting) waiting, \(count(layout.processed)) processed, \(count(layout.rejected)) rejected"]
    }
}
