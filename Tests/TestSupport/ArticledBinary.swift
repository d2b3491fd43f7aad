import Foundation

/// The built `articled` executable, run as users run it.
public enum ArticledBinary {
    public static var path: String {
        if let given = ProcessInfo.processInfo.environment["ARTICLED_BINARY"], !given.isEmpty { return given }
        return repositoryRoot() + "/.build/debug/articled"
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs to completion and captures both streams (through files).
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let base = NSTemporaryDirectory() + "articled-run-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        // stdout and stderr apart: a tiny shell redirect keeps Subprocess simple.
        let script = "exec \"$0\" \"$@\" 2>\(base).err"
        let child = try Subprocess(["/bin/sh", "-c", script, path] + arguments, outputPath: base + ".out", environment: env)
        let status = child.wait()
        return Result(status: status,
                      stdout: (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? "")
    }

    /// Starts `articled` in the background with its output appended to `logFile`.
    public static func start(_ arguments: [String], logFile: String, environment: [String: String] = [:]) throws -> Subprocess {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        return try Subprocess([path] + arguments, outputPath: logFile, environment: env)
    }
}
