import Foundation
import Ingest
import Logging

/// Log lines on stderr: `LEVEL message key=value …`, or one JSON object per line.
///
/// Under systemd (`JOURNAL_STREAM` set) the timestamp is left to journald, and the level becomes a
/// `<N>` syslog prefix so `journalctl -p warning` filters correctly.
struct ConsoleLogHandler: LogHandler {
    let label: String
    let format: ArticledConfig.LogFormat
    /// Read on every call, so SIGHUP can change it.
    var logLevel: Logger.Level {
        get { LogLevel.current }
        set { LogLevel.set(newValue.rawValue) }
    }
    var metadata: Logger.Metadata = [:]
    private let journald = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil

    init(label: String, format: ArticledConfig.LogFormat) {
        self.label = label
        self.format = format
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line: String
        switch format {
        case .json:
            var fields = ["\"ts\":\(Self.json(Self.timestamp()))", "\"level\":\(Self.json(event.level.rawValue))",
                          "\"msg\":\(Self.json(event.message.description))"]
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                fields.append("\(Self.json(key)):\(Self.json(value.description))")
            }
            line = "{" + fields.joined(separator: ",") + "}"
        case .text:
            var text = journald ? "<\(Self.syslogPriority(event.level))>" : Self.timestamp() + " " + event.level.rawValue.uppercased() + " "
            text += event.message.description
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                let rendered = value.description
                text += " \(key)=" + (rendered.contains(" ") || rendered.isEmpty ? Self.json(rendered) : rendered)
            }
            line = text
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var time = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &time)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", time.tm_year + 1900, time.tm_mon + 1, time.tm_mday,
                      time.tm_hour, time.tm_min, time.tm_sec, now.tv_nsec / 1_000_000)
    }

    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
