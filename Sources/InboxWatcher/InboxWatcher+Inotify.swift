import Dispatch
import Glibc
import Logging

extension InboxWatcher {
    /// What each watched folder reports. `IN_CREATE` only matters for folders and for things that never
    /// get a close-write (symlinks, FIFOs); `IN_MOVED_FROM` lets us drop watches of folders that leave;
    /// `IN_MOVE_SELF` tells us the inbox itself was moved away.
    static let watchMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(bitPattern: IN_DONT_FOLLOW)

    /// Big enough for hundreds of records per read; one record is at most 16 + NAME_MAX + 1 bytes.
    static let readBufferSize = 64 * 1024

    func startInotify() throws(InboxError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw InboxError.inotifyInit(layout.inbox, errno: errno) }
        inotifyFD = fd
        watches = WatchTable()
        do {
            try addWatches(from: "")
        } catch {
            close(fd)
            inotifyFD = -1
            watches = WatchTable()
            throw error
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readBufferSize, alignment: 8)
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.drain(fd: fd, buffer: buffer) }
        source.setCancelHandler {
            close(fd)
            buffer.deallocate()
        }
        source.resume()
        readSource = source
        readBuffer = buffer
        inboxLost = false
    }

    /// Handles whatever the kernel has queued right now, synchronously. Events are queued by the time the
    /// writer's `close`/`rename` returns, so tests use this as a barrier instead of sleeping.
    func processPendingEvents() {
        onQueue {
            guard let readBuffer else { return }
            drain(fd: inotifyFD, buffer: readBuffer)
        }
    }

    /// Watches `start` and every folder below it. Stops at the first hard failure (watch limit,
    /// permissions); folders that vanish meanwhile are skipped.
    func addWatches(from start: String, onFile: ((DirectoryWalker.Entry) -> Bool)? = nil) throws(InboxError) {
        var failure: InboxError?
        let walker = DirectoryWalker(layout: layout, logger: logger)
        try walker.walk(from: start, onDirectory: { relative in
            guard failure == nil else { return }
            let path = layout.absolute(relative)
            let wd = inotify_add_watch(inotifyFD, path, Self.watchMask)
            if wd >= 0 {
                watches.insert(wd: wd, path: relative)
            } else if errno != ENOENT && errno != ENOTDIR {
                failure = InboxError.addWatch(path, errno: errno)
            }
        }, onFile: onFile)
        if let failure { throw failure }
    }

    /// Reads until `EAGAIN`: the read source fires once per readiness, not once per record.
    func drain(fd: Int32, buffer: UnsafeMutableRawBufferPointer) {
        guard running, fd == inotifyFD else { return }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                for event in InotifyEventParser.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) {
                    guard running else { return }   // the handler may have called stop()
                    handle(event)
                }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno != EAGAIN {
                logger.warning("reading inotify events failed; relying on rescans", metadata: [
                    "inbox.file": "\(layout.inbox)", "error": "\(InboxError.errnoText(errno))",
                ])
                emit(.rescan(reason: .overflow))
            }
            return
        }
    }

    func handle(_ event: RawInotifyEvent) {
        for action in InotifyTranslator.actions(for: event, table: watches, excluded: layout.excludedRelativeDirectories) {
            switch action {
            case .arrived(let path):
                emit(.arrived(relativePath: path))
            case .rescan(let reason):
                if reason == .overflow { resyncWatches() }
                emit(.rescan(reason: reason))
            case .watchDirectory(let path):
                watchNewDirectory(path)
            case .forgetDirectory(let path):
                for wd in watches.removeSubtree(path) { inotify_rm_watch(inotifyFD, wd) }
            case .watchGone(let wd):
                watches.remove(wd: wd)
            case .inspect(let path):
                // Symlinks and FIFOs never get a close-write; report them so they are rejected, not stranded.
                var st = stat()
                if lstat(layout.absolute(path), &st) == 0, FileStat(st).kind != .regular, FileStat(st).kind != .directory {
                    emit(.arrived(relativePath: path))
                }
            case .inboxLost:
                guard !inboxLost else { continue }
                inboxLost = true
                for wd in watches.removeAll() { inotify_rm_watch(inotifyFD, wd) }
                logger.warning("inbox folder was moved or deleted; watching resumes when it is back", metadata: [
                    "inbox.file": "\(layout.inbox)",
                ])
            }
        }
    }

    /// A folder appeared (created or moved in): watch it and its subfolders first, then report the files
    /// already inside, so a file written before its folder's watch existed is not missed. Files written
    /// after the watch exists may be reported twice; the consumer is idempotent.
    func watchNewDirectory(_ path: String) {
        var found: [DirectoryWalker.Entry] = []
        var tooMany = false
        let limit = newDirectoryArrivalLimit
        do {
            try addWatches(from: path, onFile: { entry in
                if found.count < limit { found.append(entry) } else { tooMany = true }
                return true
            })
        } catch {
            if error.code == .notFound || error.code == .gone || error.code == .notDirectory { return }
            logger.warning("cannot watch new inbox folder; its files are found by rescans only", metadata: [
                "inbox.file": "\(layout.absolute(path))", "error": "\(error.message)",
            ])
            emit(.rescan(reason: .newDirectory))
            return
        }
        if tooMany {
            emit(.rescan(reason: .newDirectory))
            return
        }
        found.sort { ($0.stat.modifiedNanoseconds, $0.relativePath) < ($1.stat.modifiedNanoseconds, $1.relativePath) }
        for entry in found { emit(.arrived(relativePath: entry.relativePath)) }
    }

    /// After an overflow, folder creations may have been lost: re-walk and watch every folder. Existing
    /// watches return their old descriptor; descriptors no longer found (folders moved out) are removed.
    func resyncWatches() {
        let previous = watches
        watches = WatchTable()
        do {
            try addWatches(from: "")
        } catch {
            logger.warning("cannot re-watch the inbox after an overflow; relying on rescans", metadata: [
                "inbox.file": "\(layout.inbox)", "error": "\(error.message)",
            ])
        }
        for wd in previous.pathByWatch.keys where watches.path(for: wd) == nil {
            inotify_rm_watch(inotifyFD, wd)
        }
    }

    /// The inbox was moved or deleted; try again on each periodic tick until it is back.
    func reestablishInotify() {
        guard inboxLost, inotifyFD >= 0 else { return }
        do {
            try addWatches(from: "")
            inboxLost = false
            logger.info("inbox folder is back; watching again", metadata: ["inbox.file": "\(layout.inbox)"])
        } catch {
            _ = watches.removeAll()
        }
    }
}
