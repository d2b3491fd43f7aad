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
            let version = Migrator().latestVersion
            Console.out(applied.isEmpty ? "schema is up to date (version \(version))"
                                        : "applied \(applied.count) migration(s); schema version \(version)")
        } catch {
            Console.error("migrate: \(error)")
            throw ExitCode.failure
        }
    }
}
