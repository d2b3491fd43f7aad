import Foundation
import Logging

/// The process-wide log level, changeable at run time (SIGHUP) since swift-log bootstraps only once.
enum LogLevel {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var value = Logger.Level.info

    static var current: Logger.Level {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    static func set(_ name: String) {
        lock.lock()
        value = Logger.Level(rawValue: name) ?? .info
        lock.unlock()
    }
}
