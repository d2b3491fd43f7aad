import Foundation

/// A fresh folder under /tmp for one test, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "articled-test") throws {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Shell.Failure(message: "mkdtemp failed: errno \(errno)") }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func url(_ relative: String) -> String { path + "/" + relative }

    /// Writes a file, creating its folders.
    @discardableResult
    public func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, Array(contents.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }
}

/// Waits for a condition, polling every few milliseconds, up to a deadline: never a fixed sleep.
/// Async, so that while it waits the thread goes back to the test runner's small cooperative pool
/// (two threads on two cores) instead of starving the other tests' tasks.
public func waitUntil(timeout: Double = 15, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return try condition()
}

/// The repository root (the folder holding Package.swift), found from this source file.
public func repositoryRoot(_ file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        url = url.deletingLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
}
