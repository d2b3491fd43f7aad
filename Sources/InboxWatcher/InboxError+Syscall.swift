import Glibc

/// One factory per failure site, mapping errno to a code and to advice the operator can follow.
extension InboxError {
    static func gone(_ path: String, file: String = #fileID, line: Int = #line) -> InboxError {
        InboxError(code: .gone, path: path, errno: ENOENT,
                   message: "\(path): file vanished (probably taken by another articled instance)", file: file, line: line)
    }

    static func symlink(_ path: String, file: String = #fileID, line: Int = #line) -> InboxError {
        InboxError(code: .symlink, path: path, errno: ELOOP,
                   message: "symlinks are not followed: \(path) is a symbolic link; drop the file itself", file: file, line: line)
    }

    static func notRegularFile(_ path: String, kind: String, file: String = #fileID, line: Int = #line) -> InboxError {
        InboxError(code: .notRegularFile, path: path,
                   message: "\(path) is a \(kind), not a regular file", file: file, line: line)
    }

    static func tooLarge(_ path: String, size: Int64, limit: Int64, file: String = #fileID, line: Int = #line) -> InboxError {
        InboxError(code: .tooLarge, path: path,
                   message: "\(path) is \(size) bytes, over the limit of \(limit) bytes (max_file_bytes); not read",
                   file: file, line: line)
    }

    static func invalidPath(_ path: String, file: String = #fileID, line: Int = #line) -> InboxError {
        InboxError(code: .invalidPath, path: path,
                   message: "\"\(path)\" is not a path inside the inbox", file: file, line: line)
    }

    /// `open`/`openat` of an input file.
    static func open(_ path: String, errno value: Int32, file: String = #fileID, line: Int = #line) -> InboxError {
        switch value {
        case ENOENT: return .gone(path, file: file, line: line)
        case ELOOP: return .symlink(path, file: file, line: line)
        case EACCES, EPERM:
            return InboxError(code: .permissionDenied, path: path, errno: value,
                              message: "cannot open \(path): \(errnoText(value)); give the articled user read access",
                              file: file, line: line)
        default:
            return InboxError(code: .unreadable, path: path, errno: value,
                              message: "cannot open \(path): \(errnoText(value))", file: file, line: line)
        }
    }

    /// `read`/`fstat` of an open input file.
    static func read(_ path: String, errno value: Int32, file: String = #fileID, line: Int = #line) -> InboxError {
        InboxError(code: .unreadable, path: path, errno: value,
                   message: "cannot read \(path): \(errnoText(value))", file: file, line: line)
    }

    /// Opening a configured folder (inbox, processed, rejected).
    static func folder(_ path: String, role: String, errno value: Int32, file: String = #fileID, line: Int = #line) -> InboxError {
        switch value {
        case ENOENT:
            return InboxError(code: .notFound, path: path, errno: value,
                              message: "\(role) folder \(path) does not exist; create it or fix the setting", file: file, line: line)
        case ENOTDIR:
            return InboxError(code: .notDirectory, path: path, errno: value,
                              message: "\(role) folder \(path) is not a directory", file: file, line: line)
        case EACCES, EPERM:
            return InboxError(code: .permissionDenied, path: path, errno: value,
                              message: "cannot open \(role) folder \(path): permission denied; give the articled user access",
                              file: file, line: line)
        case ELOOP:
            return .symlink(path, file: file, line: line)
        default:
            return InboxError(code: .ioError, path: path, errno: value,
                              message: "cannot open \(role) folder \(path): \(errnoText(value))", file: file, line: line)
        }
    }

    /// `inotify_init1`.
    static func inotifyInit(_ path: String, errno value: Int32, file: String = #fileID, line: Int = #line) -> InboxError {
        switch value {
        case EMFILE:
            return InboxError(code: .instanceLimit, path: path, errno: value,
                              message: "inotify instance limit reached (fs.inotify.max_user_instances); raise it or use watch_mode = poll",
                              file: file, line: line)
        case ENFILE:
            return InboxError(code: .instanceLimit, path: path, errno: value,
                              message: "system-wide open file limit reached while starting inotify; raise fs.file-max or use watch_mode = poll",
                              file: file, line: line)
        default:
            return InboxError(code: .ioError, path: path, errno: value,
                              message: "cannot start inotify: \(errnoText(value)); use watch_mode = poll", file: file, line: line)
        }
    }

    /// `inotify_add_watch`.
    static func addWatch(_ path: String, errno value: Int32, file: String = #fileID, line: Int = #line) -> InboxError {
        switch value {
        case ENOSPC:
            return InboxError(code: .watchLimit, path: path, errno: value,
                              message: "inotify watch limit reached (fs.inotify.max_user_watches) at \(path); raise it or use watch_mode = poll",
                              file: file, line: line)
        case ENOMEM:
            return InboxError(code: .watchLimit, path: path, errno: value,
                              message: "out of kernel memory for inotify watches at \(path); use watch_mode = poll", file: file, line: line)
        default:
            return .folder(path, role: "inbox", errno: value, file: file, line: line)
        }
    }

    /// Creating folders, writing notes, renaming, copying or unlinking.
    static func write(_ path: String, action: String, errno value: Int32, file: String = #fileID, line: Int = #line) -> InboxError {
        switch value {
        case ENOENT: return .gone(path, file: file, line: line)
        case EACCES, EPERM:
            return InboxError(code: .permissionDenied, path: path, errno: value,
                              message: "cannot \(action) \(path): permission denied; give the articled user write access",
                              file: file, line: line)
        case ENOSPC, EDQUOT:
            return InboxError(code: .ioError, path: path, errno: value,
                              message: "cannot \(action) \(path): the disk is full", file: file, line: line)
        case EROFS:
            return InboxError(code: .ioError, path: path, errno: value,
                              message: "cannot \(action) \(path): read-only file system", file: file, line: line)
        default:
            return InboxError(code: .ioError, path: path, errno: value,
                              message: "cannot \(action) \(path): \(errnoText(value))", file: file, line: line)
        }
    }
}
