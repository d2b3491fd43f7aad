import ArgumentParser
import ArticleStore
import Ingest
import Logging

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema (idempotent).")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let config = try Console.loadConfig(options)
        Console.bootstrapLogging(level: config.logLevel, format: config.logFormat)
        let logger = Logger(label: "articled")
        let store = try Console.connect(config, logger: logger)
        do {
            let applied = try store.migrate()
            // Articles stored before near-duplicate signatures existed get theirs now.
            var backfilled = 0
            while case let filled = try store.backfillNearDuplicateSignatures(limit: 500), filled > 0 { backfilled += filled }
            if backfilled > 0 { Console.out("computed near-duplicate signatures for \(backfilled) earlier article(s)") }
            let version = Migrator().latestVersion
            Console.out(applied.isEmpty ? "schema is up to date (version \(version))"
                                        : "applied \(applied.count) migration(s); schema version \(version)")
        } catch {
            Console.error("migrate: \(error)")
            throw ExitCode.failure
        }
    }
}
