import ArgumentParser
import ArticleStore
import Dispatch
import Foundation
import Ingest
import Logging

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch the inbox and ingest every file dropped there (the daemon; systemd Type=notify).")

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("Inbox folder to watch (overrides inbox.path).", valueName: "dir"))
    var inbox: String?

    @Flag(name: .long, help: "Validate the configuration, print the effective settings, and exit.")
    var checkConfig = false

    func run() throws {
        var config = try Console.loadConfig(options)
        if let inbox { config.inbox = URL(fileURLWithPath: inbox).standardizedFileURL.path }
        if checkConfig {
            Console.out("configuration OK")
            let layout = config.layout
            Console.out("inbox \(layout.inbox), processed \(layout.processed), rejected \(layout.rejected)")
            Console.out("database \(ConnectionString.redacted(config.databaseURL)), batch \(config.batchSize) / \(config.batchMaxWaitMilliseconds) ms, watch \(config.watchMode.name)")
            return
        }
        Console.bootstrapLogging(level: config.logLevel, format: config.logFormat)
        let logger = Logger(label: "articled")
        let daemon = IngestDaemon(config: config, logger: logger)

        let signals = DispatchQueue(label: "articled.signals")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signals)
            let configFile = options.config
            let database = options.database
            let inboxFlag = inbox
            source.setEventHandler {
                if number == SIGHUP {
                    do {
                        var fresh = try ArticledConfig.load(file: configFile).config
                        if let database { fresh.databaseURL = database }
                        if let inboxFlag { fresh.inbox = inboxFlag }
                        LogLevel.set(fresh.logLevel)
                        daemon.reload(fresh)
                    } catch {
                        logger.error("configuration reload failed; keeping the old one", metadata: ["config.error": "\(error)"])
                    }
                } else {
                    logger.notice("stopping", metadata: ["signal": "\(number == SIGTERM ? "SIGTERM" : "SIGINT")"])
                    daemon.stop()
                }
            }
            source.resume()
            sources.append(source)
        }
        do {
            try daemon.run()
        } catch {
            Console.error("\(error)")
            throw ExitStatus.usage
        }
        sources.forEach { $0.cancel() }
    }
}
