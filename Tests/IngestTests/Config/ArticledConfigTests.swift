import InboxWatcher
import Ingest
import Testing

@Suite struct ArticledConfigTests {
    static func config(_ text: String) throws -> ArticledConfig {
        var config = ArticledConfig()
        try config.apply(ConfigParser(fileName: "test.toml").parse(text), file: "test.toml")
        return config
    }

    @Test(arguments: [
        "[inbox]\nwatch_mode = \"poll\"\npoll_interval_ms = 500\n",
        "[inbox]\npoll_interval_ms = 500\nwatch_mode = \"poll\"\n",
    ])
    func pollModeTakesItsIntervalWhicheverKeyComesFirst(text: String) throws {
        let config = try Self.config(text)
        #expect(config.watchMode == .polling(interval: .milliseconds(500)))
        #expect(config.watchMode.name == "poll")
    }

    @Test func inotifyIsTheDefaultAndAPollIntervalAloneDoesNotChangeIt() throws {
        #expect(ArticledConfig().watchMode == .inotify)
        #expect(try Self.config("[inbox]\npoll_interval_ms = 500\n").watchMode == .inotify)
    }

    @Test func anUnknownWatchModeNamesTheKeyAndTheChoices() {
        #expect {
            try Self.config("[inbox]\nwatch_mode = \"fanotify\"\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("inbox.watch_mode") && text.contains("\"inotify\", \"poll\"")
        }
    }

    @Test func theOutcomeFoldersDefaultToSiblingsOfTheInboxAndCanBeSetApart() throws {
        var config = ArticledConfig()
        config.inbox = "/srv/news/inbox/"
        #expect(config.layout == InboxLayout(inbox: "/srv/news/inbox"))
        #expect(config.layout.processed == "/srv/news/processed")
        config.rejectedDir = "/var/rejects"
        #expect(config.layout.rejected == "/var/rejects")
        #expect(config.layout.processed == "/srv/news/processed")
    }

    @Test func theFileSizeLimitIsTheNormalizersLimitToo() throws {
        #expect(ArticledConfig().normalizerOptions().maxInputBytes == 50 * 1024 * 1024)
        let config = try Self.config("[inbox]\nmax_file_bytes = 1_000\n")
        #expect(config.maxFileBytes == 1_000)
        #expect(config.normalizerOptions().maxInputBytes == 1_000)
    }

    @Test func workersDefaultToOnePerCoreAndCanBeCapped() throws {
        #expect(ArticledConfig().effectiveWorkers >= 1)
        #expect(try Self.config("[ingest]\nworkers = 3\n").effectiveWorkers == 3)
    }

    @Test func theDispositionIsTheWatchersOwnType() throws {
        let config = try Self.config("[inbox]\ndisposition = \"keep\"\n")
        let disposition: Disposition = config.disposition
        #expect(disposition == .keep)
    }
}
