import Logging

/// Finds the files already in the inbox, oldest first, in windows of bounded size.
///
/// Memory bound: each `nextBatch(limit:)` walks the whole tree once but keeps only the `limit`
/// oldest candidates in a max-heap — O(limit) entries (path + 24 bytes each, ≈2.5 MB for 20,000),
/// whatever the folder holds; a folder of 1,000,000 files is never held in memory. The price is one
/// walk per window (≈50 walks for 1,000,000 files at the default window), small next to ingesting them.
/// A file that cannot enter the window is rejected on its `stat` alone, before a path is made for it.
///
/// Order is (modification time, relative path), so ties are stable. Each window starts strictly after
/// the last file returned, so within one scanner every file is returned at most once even if the
/// consumer leaves it in place (`keep` disposition); files that appear later with an older mtime
/// (`mv` keeps mtimes) are found by the next scanner. Start a fresh scanner for every `.rescan` event.
///
/// The first window is time-bounded, so the first commit never waits for a whole walk: when its walk has
/// not finished after `firstWindowBudget`, it stops there and returns the oldest files seen so far, at most
/// `partialWindowLimit` of them. Those files are remembered by path and never returned again; the cursor
/// does not move for them, and every later window is strictly oldest first over the whole folder. A walk
/// that finishes within the budget gives exactly the strict order.
public struct BacklogScanner: Sendable, Sequence {
    public static let defaultFirstWindowBudget: Duration = .milliseconds(500)
    public static let defaultPartialWindowLimit = 500

    public let layout: InboxLayout
    public let window: Int
    /// Nil: the first window is as strict as the others, however long its walk.
    public let firstWindowBudget: Duration?
    public let partialWindowLimit: Int
    private let logger: Logger
    /// The (mtime, path) of the last file returned in order; nil before the first ordered window.
    private var cursor: SortKey?
    /// Files a cut first window returned out of order: the cursor does not cover them, their paths do.
    private var returnedOutOfOrder: Set<String> = []
    private var started = false
    public private(set) var isExhausted = false
    /// True when the first window came from a walk cut at `firstWindowBudget`.
    public private(set) var firstWindowWasPartial = false

    public init(layout: InboxLayout, window: Int = 20_000, firstWindowBudget: Duration? = defaultFirstWindowBudget,
                partialWindowLimit: Int = defaultPartialWindowLimit,
                logger: Logger = Logger(label: "articled.inbox.scanner")) {
        self.layout = layout
        self.window = Swift.max(1, window)
        self.firstWindowBudget = firstWindowBudget
        self.partialWindowLimit = Swift.max(1, partialWindowLimit)
        self.logger = logger
    }

    /// Up to `limit` files, oldest first, none returned before. Empty when done. All but a first window
    /// cut at its time budget are newer than every file returned before.
    /// Throws only when the inbox itself cannot be opened; unreadable subfolders are logged and skipped.
    public mutating func nextBatch(limit: Int? = nil) throws(InboxError) -> [InboxFile] {
        if isExhausted { return [] }
        let limit = Swift.max(1, limit ?? window)
        let deadline = started ? nil : firstWindowBudget.map { ContinuousClock.now + $0 }
        started = true
        var heap = BoundedMaxHeap<Candidate>(capacity: limit)
        let cursor = self.cursor
        let skipped = returnedOutOfOrder
        var visited = 0
        var cut = false
        let walker = DirectoryWalker(layout: layout, logger: logger)
        try walker.walkRaw(onFile: { entry in
            if let deadline {
                // The clock is read once per 64 files; a cut needs something to return.
                visited += 1
                if visited & 63 == 0, heap.count > 0, ContinuousClock.now >= deadline {
                    cut = true
                    return false
                }
            }
            // The mtime alone decides for almost every file; the path is made only for a tie or a newcomer.
            let modified = entry.modifiedNanoseconds
            if let cursor, modified < cursor.modified { return true }
            if heap.isFull, let worst = heap.top, modified > worst.key.modified { return true }
            guard let path = entry.relativePath() else {
                walker.warnNotUTF8(folder: entry.folder)
                return true
            }
            let key = SortKey(modified: modified, path: path)
            if let cursor, key <= cursor { return true }
            if heap.isFull, let worst = heap.top, !(key < worst.key) { return true }
            if !skipped.isEmpty, skipped.contains(path) { return true }
            heap.insert(Candidate(key: key, size: entry.size))
            return true
        })
        var batch = heap.drainSorted()
        if cut {
            batch = Array(batch.prefix(partialWindowLimit))
            firstWindowWasPartial = true
            returnedOutOfOrder = Set(batch.map(\.key.path))
            logger.info("first backlog window taken from a partial walk; strict oldest-first order from the next one", metadata: [
                "inbox.files_seen": "\(visited)", "inbox.window": "\(batch.count)",
                "inbox.budget": "\(firstWindowBudget ?? .zero)",
            ])
            return batch.map(file)
        }
        guard let last = batch.last else {
            isExhausted = true
            return []
        }
        self.cursor = last.key
        if batch.count < limit { isExhausted = true }
        return batch.map(file)
    }

    private func file(_ candidate: Candidate) -> InboxFile {
        InboxFile(relativePath: candidate.key.path, absolutePath: layout.absolute(candidate.key.path),
                  size: candidate.size, modifiedNanoseconds: candidate.key.modified)
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
