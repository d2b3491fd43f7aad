import ArgumentParser
import Foundation
import Ingest
import Logging

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch the inbox and ingest every file dropped there (the daemon; systemd Type=notify).")

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("Inbox folder to watch (overrides inbox.path).", valueName: "dir"))
    var inbox: String?

    @Flag(name: .long, help: "Validate the configuration, print the effective settings, and exit.")
    var checkConfig = false

    func run() async throws {
        let config = try loadConfig()
        if checkConfig {
            let layout = config.layout
            Console.out("configuration OK")
            Console.out("inbox \(layout.inbox), processed \(layout.processed), rejected \(layout.rejected)")
            Console.out("database \(ConnectionString.redacted(config.databaseURL)), batch \(config.batchSize) / \(config.batchMaxWaitMilliseconds) ms, watch \(config.watchMode.name)")
            return
        }
        Console.bootstrapLogging(level: config.logLevel, format: config.logFormat)
        let logger = Logger(label: "articled")
        let (file, database, inboxFlag) = (options.config, options.database, inbox)
        let app = buildApp(config: config, logger: logger, reload: {
            var fresh = try ArticledConfig.load(file: file).config
            if let database { fresh.databaseURL = database }
            if let inboxFlag { fresh.inbox = Self.absolute(inboxFlag) }
            return fresh
        }, reloaded: { LogLevel.set($0.logLevel) })
        do {
            try await app.run()
        } catch {
            Console.error("\(error)")
            throw ExitStatus.usage
        }
    }

    /// The configuration file and environment, then this command's flags.
    func loadConfig() throws -> ArticledConfig {
        var config = try Console.loadConfig(options)
        if let inbox { config.inbox = Self.absolute(inbox) }
        return config
    }

    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
