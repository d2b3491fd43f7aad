import Foundation

/// Runs a helper program for test setup and fails with its output when it fails.
public enum Shell {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], quiet: Bool = false,
                           environment: [String: String]? = nil) throws -> String {
        try run([executable] + arguments, quiet: quiet, environment: environment)
    }

    @discardableResult
    public static func run(_ command: [String], quiet: Bool = false, environment: [String: String]? = nil) throws -> String {
        // Output goes to a file, not a pipe: a server started by the command (pg_ctl start) inherits
        // the descriptor and would keep a pipe open for ever.
        let outputPath = NSTemporaryDirectory() + "articled-shell-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let child = try Subprocess(command, outputPath: outputPath, environment: environment)
        let status = child.wait()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(message: "\(command.joined(separator: " ")) exited \(status): \(text)")
        }
        return text
    }
}

/// Runs one query through psql and returns its output trimmed (`-At`: unaligned, tuples only).
public func psqlValue(_ conninfo: String, _ sql: String) throws -> String {
    let output = try Shell.run("/usr/bin/psql", [conninfo, "-v", "ON_ERROR_STOP=1", "-qAtc", sql])
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
}
