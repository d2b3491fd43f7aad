import Glibc

/// A failure touching the inbox, with a message an operator can act on.
///
/// Shaped like swift-nio's `FileSystemError`: an extensible `Code`, the path at fault, the errno when a
/// syscall failed, and the place it was raised. `description` holds the message only: no file contents.
public struct InboxError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case gone, symlink, notRegularFile, tooLarge, unreadable, notFound, notDirectory
            case permissionDenied, watchLimit, instanceLimit, invalidPath, ioError
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file vanished: usually another instance moved it first. Not a failure of the file.
        public static let gone = Code(.gone)
        /// A symlink in the inbox; we never follow links out of it.
        public static let symlink = Code(.symlink)
        /// A directory, FIFO, socket or device where a file was expected.
        public static let notRegularFile = Code(.notRegularFile)
        /// Larger than the configured limit; not read.
        public static let tooLarge = Code(.tooLarge)
        /// `read(2)` or `open(2)` failed for another reason.
        public static let unreadable = Code(.unreadable)
        /// A configured folder does not exist.
        public static let notFound = Code(.notFound)
        /// A configured folder is a file.
        public static let notDirectory = Code(.notDirectory)
        public static let permissionDenied = Code(.permissionDenied)
        /// `fs.inotify.max_user_watches` exhausted.
        public static let watchLimit = Code(.watchLimit)
        /// `fs.inotify.max_user_instances` or the open-file limit exhausted.
        public static let instanceLimit = Code(.instanceLimit)
        /// A relative path that escapes its folder (`..`, absolute, empty).
        public static let invalidPath = Code(.invalidPath)
        /// Writing, moving or creating folders failed (disk full, read-only file system, …).
        public static let ioError = Code(.ioError)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// The absolute path the failure is about.
    public var path: String
    /// The errno of the failing syscall, when there was one.
    public var errno: Int32?
    public var message: String
    public var file: String
    public var line: Int

    public init(code: Code, path: String, errno: Int32? = nil, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.path = path
        self.errno = errno
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { message }

    /// Equality ignores the source location so tests and callers can compare outcomes.
    public static func == (lhs: InboxError, rhs: InboxError) -> Bool {
        lhs.code == rhs.code && lhs.path == rhs.path && lhs.errno == rhs.errno && lhs.message == rhs.message
    }

    static func errnoText(_ value: Int32) -> String {
        guard let text = strerror(value) else { return "errno \(value)" }
        return String(cString: text)
    }
}
