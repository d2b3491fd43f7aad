import Foundation

/// Progress lines on stderr, so stdout carries only the report.
enum Progress {
    private static let started = Monotonic.now()

    static func say(_ message: String) {
        let line = String(format: "[%6.1fs] ", Monotonic.now() - started) + message + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
