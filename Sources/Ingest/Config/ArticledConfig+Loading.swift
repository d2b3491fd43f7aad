import Foundation

extension ArticledConfig {
    /// Where the config comes from when `--config` is not given.
    public static let defaultPath = "/etc/articled/articled.toml"

    /// Defaults, then the file (the given one, `ARTICLED_CONFIG`, or `/etc/articled/articled.toml` when present),
    /// then the environment. Flags are applied by the caller on top.
    public static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigError) -> (config: ArticledConfig, source: String?) {
        var config = ArticledConfig()
        var source: String?
        if let path = file ?? environment["ARTICLED_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            source = path
        } else if FileManager.default.fileExists(atPath: defaultPath) {
            source = defaultPath
        }
        if let source {
            let text: String
            do {
                text = try String(contentsOfFile: source, encoding: .utf8)
            } catch {
                let reason = FileManager.default.fileExists(atPath: source) ? "cannot be read (permissions or not UTF-8)" : "no such file"
                throw ConfigError(file: source, message: reason)
            }
            try config.apply(try ConfigParser(fileName: source).parse(text), file: source)
        }
        try config.applyEnvironment(environment)
        return (config, source)
    }
}
