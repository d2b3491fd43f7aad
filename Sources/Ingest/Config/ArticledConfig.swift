import Foundation
import InboxWatcher

/// Everything articled can be configured with. Defaults here are the documented defaults of
/// `config/articled.toml`; the file, then `ARTICLED_*` environment variables, then flags override them.
public struct ArticledConfig: Sendable, Equatable {
    public enum LogFormat: String, Sendable, CaseIterable { case text, json }

    /// libpq connection string or URI; empty means libpq defaults and `PG*` variables.
    public var databaseURL = ""
    public var inbox = "/var/lib/articled/inbox"
    /// Empty: a `processed` folder beside the inbox (`InboxLayout` decides where).
    public var processedDir = ""
    /// Empty: a `rejected` folder beside the inbox.
    public var rejectedDir = ""
    public var disposition = Disposition.move
    /// The one size limit: files above it are rejected unread, and the normalizer is given the same limit.
    public var maxFileBytes: Int64 = 50 * 1024 * 1024
    /// `inbox.watch_mode` and `inbox.poll_interval_ms` together; either key keeps the other in step.
    public var watchMode = WatchMode.inotify
    public var pollIntervalMilliseconds = 2_000
    public var rescanIntervalSeconds = 60
    public var batchSize = 200
    public var batchMaxWaitMilliseconds = 5
    /// Threads that read and normalize files at once; 0 means one per core.
    public var workers = 0
    public var reconnectMaxSeconds = 30
    public var searchIndexBatch = 500
    /// Articles the background clusterer assigns per transaction.
    public var clusterBatch = 100
    public var logLevel = "info"
    public var logFormat = LogFormat.text
    public var progressIntervalSeconds = 5
    /// Outlets added to the built-in publisher table, from `[publishers.ID]` sections.
    public var publishers: [PublisherEntry] = []
    /// Lines seen verbatim in this many articles of one publisher are treated as its boilerplate.
    public var learnAfterArticles = 5

    public struct PublisherEntry: Sendable, Equatable {
        public var id: String
        public var name: String
        public var domains: [String] = []
        public var signatures: [String] = []
    }

    public init() {}

    /// The inbox and its outcome folders: those configured, else `InboxLayout`'s defaults beside the inbox.
    public var layout: InboxLayout {
        let defaults = InboxLayout(inbox: inbox)
        return InboxLayout(inbox: inbox, processed: processedDir.isEmpty ? defaults.processed : processedDir,
                           rejected: rejectedDir.isEmpty ? defaults.rejected : rejectedDir)
    }

    /// How many files are read and normalized at once.
    public var effectiveWorkers: Int {
        workers > 0 ? workers : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Every key the file may set, with its setter: one table, so unknown keys and types are caught in one place.
    static let keys: [String: @Sendable (inout ArticledConfig, ConfigValue) throws -> Void] = [
        "database.url": { $0.databaseURL = try string($1) },
        "inbox.path": { $0.inbox = try string($1) },
        "inbox.processed": { $0.processedDir = try string($1) },
        "inbox.rejected": { $0.rejectedDir = try string($1) },
        "inbox.disposition": { $0.disposition = try choice($1) },
        "inbox.max_file_bytes": { $0.maxFileBytes = Int64(try integer($1, min: 1)) },
        "inbox.watch_mode": { $0.watchMode = try watchModeValue($1, pollMilliseconds: $0.pollIntervalMilliseconds) },
        "inbox.poll_interval_ms": {
            $0.pollIntervalMilliseconds = try integer($1, min: 10)
            if case .polling = $0.watchMode { $0.watchMode = .polling(interval: .milliseconds($0.pollIntervalMilliseconds)) }
        },
        "inbox.rescan_interval_s": { $0.rescanIntervalSeconds = try integer($1, min: 0) },
        "ingest.batch_size": { $0.batchSize = try integer($1, min: 1, max: 10_000) },
        "ingest.batch_max_wait_ms": { $0.batchMaxWaitMilliseconds = try integer($1, min: 0, max: 60_000) },
        "ingest.workers": { $0.workers = try integer($1, min: 0, max: 256) },
        "database.reconnect_max_s": { $0.reconnectMaxSeconds = try integer($1, min: 1, max: 3_600) },
        "search.index_batch": { $0.searchIndexBatch = try integer($1, min: 1, max: 100_000) },
        "cluster.batch": { $0.clusterBatch = try integer($1, min: 1, max: 100_000) },
        "log.level": { $0.logLevel = try logLevelValue($1) },
        "log.format": { $0.logFormat = try choice($1) },
        "log.progress_interval_s": { $0.progressIntervalSeconds = try integer($1, min: 1) },
        "boilerplate.learn_after_articles": { $0.learnAfterArticles = try integer($1, min: 2, max: 1_000_000) },
    ]

    /// `[publishers.ID]` sections: `name` (default: ID), `domains` and `signatures` (arrays of strings).
    private mutating func applyPublisherKey(_ key: String, _ value: ConfigValue) throws(ConfigError) {
        let parts = key.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, !parts[1].isEmpty else {
            throw ConfigError(message: "publishers are set as [publishers.ID] sections with name, domains, signatures")
        }
        let id = parts[1]
        var entry = publishers.first { $0.id == id } ?? PublisherEntry(id: id, name: id)
        switch parts[2] {
        case "name": entry.name = try Self.string(value)
        case "domains": entry.domains = try Self.strings(value)
        case "signatures": entry.signatures = try Self.strings(value)
        default: throw ConfigError(message: "unknown key (publishers take name, domains, signatures)")
        }
        if let index = publishers.firstIndex(where: { $0.id == id }) { publishers[index] = entry } else { publishers.append(entry) }
    }

    /// Applies parsed file entries; unknown keys and wrong types name their line.
    public mutating func apply(_ entries: [String: ConfigEntry], file: String) throws(ConfigError) {
        for (key, entry) in entries.sorted(by: { $0.value.line < $1.value.line }) {
            if key.hasPrefix("publishers.") {
                do { try applyPublisherKey(key, entry.value) } catch {
                    throw ConfigError(file: file, line: entry.line, key: key, message: error.message)
                }
                continue
            }
            guard let setter = Self.keys[key] else {
                let hint = Self.keys.keys.sorted().first { $0.hasSuffix("." + (key.split(separator: ".").last.map(String.init) ?? "")) }
                throw ConfigError(file: file, line: entry.line, key: key,
                                  message: "unknown key" + (hint.map { " (did you mean \($0)?)" } ?? ""))
            }
            do {
                try setter(&self, entry.value)
            } catch {
                throw ConfigError(file: file, line: entry.line, key: key, message: Self.message(of: error))
            }
        }
    }

    /// `ARTICLED_DATABASE_URL`, `ARTICLED_INBOX`, and `ARTICLED_<SECTION>_<KEY>` for every key.
    public mutating func applyEnvironment(_ environment: [String: String]) throws(ConfigError) {
        var aliases: [String: String] = ["ARTICLED_DATABASE_URL": "database.url", "ARTICLED_INBOX": "inbox.path"]
        for key in Self.keys.keys {
            aliases["ARTICLED_" + key.replacingDots().uppercased()] = key
        }
        for (variable, key) in aliases.sorted(by: { $0.key < $1.key }) {
            guard let raw = environment[variable] else { continue }
            let value = Self.environmentValue(raw, for: key)
            do {
                try Self.keys[key]!(&self, value)
            } catch {
                throw ConfigError(file: "environment", key: variable, message: Self.message(of: error))
            }
        }
    }

    /// Environment values are untyped text; read them as the type the key wants.
    static func environmentValue(_ raw: String, for key: String) -> ConfigValue {
        var probe = ArticledConfig()
        if (try? keys[key]!(&probe, .integer(Int(raw) ?? -1))) != nil, let number = Int(raw) { return .integer(number) }
        if raw == "true" || raw == "false", (try? keys[key]!(&probe, .bool(raw == "true"))) != nil { return .bool(raw == "true") }
        return .string(raw)
    }

    private static func message(of error: any Error) -> String {
        (error as? ConfigError)?.message ?? "\(error)"
    }

    private static func string(_ value: ConfigValue) throws(ConfigError) -> String {
        guard case let .string(text) = value else { throw ConfigError(message: "expected a string, found \(value.typeName)") }
        return text
    }

    private static func strings(_ value: ConfigValue) throws(ConfigError) -> [String] {
        guard case let .array(items) = value else { throw ConfigError(message: "expected an array of strings, found \(value.typeName)") }
        var result: [String] = []
        for item in items {
            guard case let .string(text) = item else { throw ConfigError(message: "expected an array of strings, found \(item.typeName) in it") }
            result.append(text)
        }
        return result
    }

    private static func integer(_ value: ConfigValue, min: Int, max: Int = .max) throws(ConfigError) -> Int {
        guard case let .integer(number) = value else {
            throw ConfigError(message: "expected an integer, found \(value.typeName)")
        }
        guard number >= min, number <= max else {
            throw ConfigError(message: "\(number) is out of range (\(min)…\(max == .max ? "" : String(max)))")
        }
        return number
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ value: ConfigValue) throws(ConfigError) -> T
        where T.RawValue == String {
        let text = try string(value)
        guard let result = T(rawValue: text) else {
            throw ConfigError(message: "\"\(text)\" is not one of \(T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
        }
        return result
    }

    private static func watchModeValue(_ value: ConfigValue, pollMilliseconds: Int) throws(ConfigError) -> WatchMode {
        let text = try string(value)
        switch text {
        case WatchMode.inotify.name: return .inotify
        case WatchMode.pollName: return .polling(interval: .milliseconds(pollMilliseconds))
        default: throw ConfigError(message: "\"\(text)\" is not one of \"\(WatchMode.inotify.name)\", \"\(WatchMode.pollName)\"")
        }
    }

    private static func logLevelValue(_ value: ConfigValue) throws(ConfigError) -> String {
        let text = try string(value)
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(text) else {
            throw ConfigError(message: "\"\(text)\" is not one of \(levels.joined(separator: ", "))")
        }
        return text
    }
}

private extension String {
    func replacingDots() -> String { String(map { $0 == "." ? "_" : $0 }) }
}
