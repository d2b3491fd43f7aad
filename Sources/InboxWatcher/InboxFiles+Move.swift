import Glibc

extension InboxFiles {
    enum Attempt: Equatable { case moved, taken, gone }

    func move(_ relativePath: String, into root: String, role: String) throws(InboxError) -> FileOutcome {
        let source: (fd: Int32, name: String)
        do { source = try openParent(of: relativePath) } catch where error.code == .gone { return .gone }
        defer { close(source.fd) }
        guard FileStat.at(source.fd, source.name) != nil else { return .gone }

        let relativeDirectory = PathSyntax.parent(of: relativePath) == "." ? "" : PathSyntax.parent(of: relativePath)
        let destination = try openDestination(root: root, relativeDirectory: relativeDirectory, role: role)
        defer { close(destination) }
        for attempt in 0..<Self.maxAttempts {
            let name = Self.candidateName(source.name, attempt: attempt)
            switch try place(source: source, relativePath: relativePath, destination: destination,
                             destinationPath: PathSyntax.join(root, PathSyntax.join(relativeDirectory, name)), name: name) {
            case .moved: return .moved(to: PathSyntax.join(relativeDirectory, name))
            case .gone: return .gone
            case .taken: continue
            }
        }
        throw InboxError.write(PathSyntax.join(root, relativePath), action: "find a free name for", errno: EEXIST)
    }

    /// Moves the source to exactly `name` in `destination`, or reports why not.
    func place(source: (fd: Int32, name: String), relativePath: String, destination: Int32,
               destinationPath: String, name: String) throws(InboxError) -> Attempt {
        if !forceCopy {
            let result = NoReplaceRename.rename(source.fd, source.name, destination, name, strategy: renameStrategy)
            switch result {
            case 0: return .moved
            case EEXIST, ENOTEMPTY: return .taken
            case ENOENT: return FileStat.at(source.fd, source.name) == nil ? .gone : .taken
            case EXDEV: break
            default: throw InboxError.write(layout.absolute(relativePath), action: "move", errno: result)
            }
        }
        return try copyAcross(source: source, relativePath: relativePath, destination: destination,
                              destinationPath: destinationPath, name: name)
    }

    /// `processed/` on another file system: copy to a hidden temp name, fsync, claim the final name
    /// without replacing, then unlink the source. If the unlink finds the source gone, another instance
    /// moved it meanwhile: our copy is removed so the file exists once.
    private func copyAcross(source: (fd: Int32, name: String), relativePath: String, destination: Int32,
                            destinationPath: String, name: String) throws(InboxError) -> Attempt {
        let sourcePath = layout.absolute(relativePath)
        if FileStat.at(destination, name) != nil { return .taken }
        guard let st = FileStat.at(source.fd, source.name) else { return .gone }
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        switch st.kind {
        case .regular:
            guard try copyRegularFile(source: source, sourcePath: sourcePath, destination: destination,
                                temporary: temporary, destinationPath: destinationPath) else { return .gone }
        case .symlink:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlinkat(source.fd, source.name, &target, target.count - 1)
            guard length >= 0 else {
                if errno == ENOENT { return .gone }
                throw InboxError.read(sourcePath, errno: errno)
            }
            guard symlinkat(target, destination, temporary) == 0 else {
                throw InboxError.write(destinationPath, action: "create symlink", errno: errno)
            }
        default:
            throw InboxError.notRegularFile(sourcePath, kind: st.kindDescription)
        }

        let placed = NoReplaceRename.rename(destination, temporary, destination, name, strategy: renameStrategy)
        guard placed == 0 else {
            unlinkat(destination, temporary, 0)
            if placed == EEXIST { return .taken }
            throw InboxError.write(destinationPath, action: "create", errno: placed)
        }
        fsync(destination)
        // A file re-dropped under the same name after another instance took ours must not be unlinked.
        guard let current = FileStat.at(source.fd, source.name), current.device == st.device, current.inode == st.inode else {
            unlinkat(destination, name, 0)
            return .gone
        }
        guard unlinkat(source.fd, source.name, 0) == 0 else {
            let failure = errno
            unlinkat(destination, name, 0)
            if failure == ENOENT { return .gone }
            throw InboxError.write(sourcePath, action: "remove the moved", errno: failure)
        }
        return .moved
    }

    /// False when the source vanished before it could be opened.
    private func copyRegularFile(source: (fd: Int32, name: String), sourcePath: String, destination: Int32,
                                 temporary: String, destinationPath: String) throws(InboxError) -> Bool {
        let input = openat(source.fd, source.name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else {
            if errno == ENOENT { return false }
            throw InboxError.open(sourcePath, errno: errno)
        }
        defer { close(input) }
        var st = stat()
        guard fstat(input, &st) == 0 else { throw InboxError.read(sourcePath, errno: errno) }
        let output = openat(destination, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard output >= 0 else { throw InboxError.write(destinationPath, action: "create", errno: errno) }
        var succeeded = false
        defer {
            close(output)
            if !succeeded { unlinkat(destination, temporary, 0) }
        }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(input, buffer, chunk)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw InboxError.read(sourcePath, errno: errno)
            }
            var written = 0
            while written < n {
                let w = Glibc.write(output, buffer + written, n - written)
                if w < 0 {
                    if errno == EINTR { continue }
                    throw InboxError.write(destinationPath, action: "write", errno: errno)
                }
                written += w
            }
        }
        // Keep mode and times so processed/ reflects what was dropped.
        fchmod(output, st.st_mode & 0o7777)
        var times = [st.st_atim, st.st_mtim]
        futimens(output, &times)
        guard fsync(output) == 0 else { throw InboxError.write(destinationPath, action: "flush", errno: errno) }
        succeeded = true
        return true
    }
}
