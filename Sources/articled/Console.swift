import ArgumentParser
import ArticleStore
import Foundation
import Ingest
import Logging

/// One-line messages for people, on stderr; never a stack trace.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("articled: \(message)\n".utf8))
    }

    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// True when stderr is a terminal (progress lines are for people, not for logs).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Loads the config and applies the `--database` flag, or exits 2 naming the setting at fault.
    static func loadConfig(_ options: DatabaseOptions) throws -> ArticledConfig {
        do {
            var config = try ArticledConfig.load(file: options.config).config
            if let database = options.database { config.databaseURL = database }
            return config
        } catch {
            Console.error(error.description)
            throw ExitStatus.usage
        }
    }

    /// Connects, or exits 2 (bad connection string) / 3 (unreachable) with libpq's reason.
    static func connect(_ config: ArticledConfig, logger: Logger) throws -> ArticleStore {
        do {
            return try ArticleStore(conninfo: config.databaseURL, logger: logger)
        } catch {
            Console.error("database: \(error)")
            throw error.code == .badConnectionString ? ExitStatus.usage : ExitStatus.databaseUnreachable
        }
    }

    static func bootstrapLogging(level: String, format: ArticledConfig.LogFormat) {
        LogLevel.set(level)
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, format: format) }
    }
}
