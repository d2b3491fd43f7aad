import Foundation

/// A file waiting in the inbox, as the backlog scanner found it.
public struct InboxFile: Sendable, Hashable {
    /// Relative to the inbox, `/`-separated; the first component of a nested path is the publisher hint.
    public var relativePath: String
    public var absolutePath: String
    public var size: Int64
    /// Modification time in nanoseconds since the Unix epoch: exact, so ordering never depends on rounding.
    public var modifiedNanoseconds: Int64

    public init(relativePath: String, absolutePath: String, size: Int64, modifiedNanoseconds: Int64) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    public var modified: Date {
        Date(timeIntervalSince1970: TimeInterval(modifiedNanoseconds) / 1_000_000_000)
    }
}
