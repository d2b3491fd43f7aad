import Foundation
import InboxWatcher

/// The files named on the command line: files as given, folders walked recursively (temp names skipped).
/// Each file is addressed relative to a root, as in the inbox, so a folder's first-level subfolder
/// is the publisher hint for `ingest` just as for `run`.
struct InputPaths {
    struct Entry {
        var root: String
        var relativePath: String
        var display: String
    }

    /// Expands the arguments; a path that does not exist is a usage error named in the message.
    static func expand(_ arguments: [String]) throws(InputPathError) -> [Entry] {
        var entries: [Entry] = []
        let fileManager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            var info = stat()
            guard lstat(argument, &info) == 0 else { throw InputPathError(path: argument, reason: "no such file or folder") }
            guard fileManager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw InputPathError(path: argument, reason: "a dangling symlink")
            }
            let absolute = URL(fileURLWithPath: argument).standardizedFileURL.path
            if isDirectory.boolValue {
                guard let walker = fileManager.enumerator(atPath: absolute) else {
                    throw InputPathError(path: argument, reason: "the folder cannot be read")
                }
                var found: [String] = []
                while let relative = walker.nextObject() as? String {
                    let full = absolute + "/" + relative
                    var entryInfo = stat()
                    guard lstat(full, &entryInfo) == 0, (entryInfo.st_mode & S_IFMT) != S_IFDIR else { continue }
                    if InboxNames.isIgnoredPath(relative) { continue }
                    found.append(relative)
                }
                for relative in found.sorted() {
                    entries.append(Entry(root: absolute, relativePath: relative,
                                         display: (argument.hasSuffix("/") ? argument : argument + "/") + relative))
                }
            } else {
                let url = URL(fileURLWithPath: absolute)
                entries.append(Entry(root: url.deletingLastPathComponent().path, relativePath: url.lastPathComponent,
                                     display: argument))
            }
        }
        return entries
    }
}

struct InputPathError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
}
