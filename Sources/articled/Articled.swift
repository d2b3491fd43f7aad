import ArgumentParser

@main
struct Articled: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articled",
        abstract: "Turns news-article files dropped into an inbox folder into clean, deduplicated PostgreSQL rows.",
        version: "0.1.0",
        subcommands: [Run.self, Ingest.self, Parse.self, Migrate.self, Status.self]
    )
}

/// Options shared by the commands that talk to the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (TOML).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("libpq connection string or URI; default: config, ARTICLED_DATABASE_URL, PG* variables.", valueName: "url"))
    var database: String?
}

/// Exit codes of the contract.
enum ExitStatus {
    static let rejected = ExitCode(1)
    static let usage = ExitCode(2)
    static let databaseUnreachable = ExitCode(3)
}
