import Logging

/// Finds the files already in the inbox, oldest first, in windows of bounded size.
///
/// Memory bound: each `nextBatch(limit:)` walks the whole tree once but keeps only the `limit`
/// oldest candidates in a max-heap — O(limit) entries (path + 24 bytes each, ≈2.5 MB for 20,000),
/// whatever the folder holds; a folder of 1,000,000 files is never held in memory. The price is one
/// walk per window (≈50 walks for 1,000,000 files at the default window), small next to ingesting them.
///
/// Order is (modification time, relative path), so ties are stable. Each window starts strictly after
/// the last file returned, so within one scanner every file is returned at most once even if the
/// consumer leaves it in place (`keep` disposition); files that appear later with an older mtime
/// (`mv` keeps mtimes) are found by the next scanner. Start a fresh scanner for every `.rescan` event.
public struct BacklogScanner: Sendable, Sequence {
    public let layout: InboxLayout
    public let window: Int
    private let logger: Logger
    /// The (mtime, path) of the last file returned; nil before the first batch.
    private var cursor: SortKey?
    public private(set) var isExhausted = false

    public init(layout: InboxLayout, window: Int = 20_000, logger: Logger = Logger(label: "articled.inbox.scanner")) {
        self.layout = layout
        self.window = Swift.max(1, window)
        self.logger = logger
    }

    /// Up to `limit` files, oldest first, all newer than every file returned before. Empty when done.
    /// Throws only when the inbox itself cannot be opened; unreadable subfolders are logged and skipped.
    public mutating func nextBatch(limit: Int? = nil) throws(InboxError) -> [InboxFile] {
        if isExhausted { return [] }
        let limit = Swift.max(1, limit ?? window)
        var heap = BoundedMaxHeap<Candidate>(capacity: limit)
        let cursor = self.cursor
        let walker = DirectoryWalker(layout: layout, logger: logger)
        try walker.walk(onFile: { entry in
            let key = SortKey(modified: entry.stat.modifiedNanoseconds, path: entry.relativePath)
            if let cursor, key <= cursor { return true }
            if heap.isFull, let worst = heap.top, !(key < worst.key) { return true }
            heap.insert(Candidate(key: key, size: entry.stat.size))
            return true
        })
        let batch = heap.drainSorted()
        guard let last = batch.last else {
            isExhausted = true
            return []
        }
        self.cursor = last.key
        if batch.count < limit { isExhausted = true }
        return batch.map {
            InboxFile(relativePath: $0.key.path, absolutePath: layout.absolute($0.key.path),
                      size: $0.size, modifiedNanoseconds: $0.key.modified)
        }
    }

    public func makeIterator() -> Iterator { Iterator(scanner: self) }

    /// Pulls windows lazily. Stops quietly if the inbox cannot be opened: call `nextBatch` to see the error.
    public struct Iterator: IteratorProtocol {
        var scanner: BacklogScanner
        var buffer: [InboxFile] = []
        var index = 0

        public mutating func next() -> InboxFile? {
            if index == buffer.count {
                buffer = (try? scanner.nextBatch()) ?? []
                index = 0
                if buffer.isEmpty { return nil }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    struct SortKey: Comparable, Sendable {
        var modified: Int64
        var path: String
        static func < (a: SortKey, b: SortKey) -> Bool {
            a.modified != b.modified ? a.modified < b.modified : a.path < b.path
        }
    }

    struct Candidate: Comparable, Sendable {
        var key: SortKey
        var size: Int64
        static func < (a: Candidate, b: Candidate) -> Bool { a.key < b.key }
        static func == (a: Candidate, b: Candidate) -> Bool { a.key == b.key }
    }
}
