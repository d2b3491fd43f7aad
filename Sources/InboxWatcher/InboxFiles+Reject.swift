import Foundation
import Glibc

extension InboxFiles {
    /// Moves the file to `rejected/` (subfolders kept, never overwriting) with `NAME.error` beside it,
    /// named after the final name (`a.1.txt` → `a.1.txt.error`), holding one line: `<ISO-8601 time> <reason>`.
    ///
    /// The note is written first (temp name, fsync, no-replace rename) and the file moved second, so a
    /// crash in between leaves the file in the inbox to be retried, never lost; at worst an orphan note remains.
    /// Symlinks are moved as links; their targets are never touched.
    public func reject(_ relativePath: String, reason: String, at time: Date) throws(InboxError) -> FileOutcome {
        let source: (fd: Int32, name: String)
        do { source = try openParent(of: relativePath) } catch where error.code == .gone { return .gone }
        defer { close(source.fd) }
        guard FileStat.at(source.fd, source.name) != nil else { return .gone }

        let root = layout.rejected
        let relativeDirectory = PathSyntax.parent(of: relativePath) == "." ? "" : PathSyntax.parent(of: relativePath)
        let destination = try openDestination(root: root, relativeDirectory: relativeDirectory, role: "rejected")
        defer { close(destination) }
        let note = Array(Self.errorLine(reason: reason, at: time).utf8)

        for attempt in 0..<Self.maxAttempts {
            let name = Self.candidateName(source.name, attempt: attempt)
            let noteName = name + ".error"
            let destinationPath = PathSyntax.join(root, PathSyntax.join(relativeDirectory, name))
            if FileStat.at(destination, name) != nil || FileStat.at(destination, noteName) != nil { continue }
            guard try writeNote(note, in: destination, name: noteName, path: destinationPath + ".error") else { continue }
            let outcome: Attempt
            do {
                outcome = try place(source: source, relativePath: relativePath, destination: destination,
                                    destinationPath: destinationPath, name: name)
            } catch {
                unlinkat(destination, noteName, 0)
                throw error
            }
            switch outcome {
            case .moved: return .moved(to: PathSyntax.join(relativeDirectory, name))
            case .taken: unlinkat(destination, noteName, 0)
            case .gone:
                unlinkat(destination, noteName, 0)
                return .gone
            }
        }
        throw InboxError.write(PathSyntax.join(root, relativePath), action: "find a free name for", errno: EEXIST)
    }

    /// One line, whatever the reason contains, so `head -1` and log shippers see it whole.
    static func errorLine(reason: String, at time: Date) -> String {
        let flat = reason.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return "\(time.formatted(.iso8601)) \(flat.isEmpty ? "rejected" : flat)\n"
    }

    /// Writes the note under a temp name and renames it into place without replacing. False if the name was taken.
    private func writeNote(_ bytes: [UInt8], in directory: Int32, name: String, path: String) throws(InboxError) -> Bool {
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw InboxError.write(path, action: "create", errno: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        guard failure == 0 else {
            unlinkat(directory, temporary, 0)
            throw InboxError.write(path, action: "write", errno: failure)
        }
        let result = NoReplaceRename.rename(directory, temporary, directory, name, strategy: renameStrategy)
        guard result == 0 else {
            unlinkat(directory, temporary, 0)
            if result == EEXIST { return false }
            throw InboxError.write(path, action: "create", errno: result)
        }
        return true
    }
}
