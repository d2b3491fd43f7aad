import Dispatch
import Foundation
import Glibc

/// The generated article files, written once into one folder and hard-linked into each phase's inbox.
///
/// Files are written under a temporary name and renamed into place, as a producer should. Hard links
/// keep the original modification time, so the daemon's "younger than a second: maybe still being
/// written" rule never holds a backlog file back.
struct Corpus: Sendable {
    let directory: String
    let count: Int
    let totalBytes: Int

    static func name(_ index: Int) -> String {
        let digits = String(index)
        return "a" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".txt"
    }

    func path(_ index: Int) -> String { directory + "/" + Self.name(index) }

    /// Writes `count` files on all cores. Returns once every file has its final name.
    static func generate(count: Int, into directory: String, generator: ArticleGenerator) throws -> Corpus {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let chunk = 500
        let chunks = (count + chunk - 1) / chunk
        let failures = Tally()
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var bytesWritten = 0
            for index in (c * chunk)..<min(count, (c + 1) * chunk) {
                let bytes = generator.article(index)
                let final = directory + "/" + name(index)
                do {
                    try writeFile(final + ".tmp", bytes)
                    guard rename(final + ".tmp", final) == 0 else { throw BenchError("rename \(final): \(String(cString: strerror(errno)))") }
                    bytesWritten += bytes.count
                } catch {
                    failures.fail("\(error)")
                    return
                }
            }
            failures.add(bytesWritten)
        }
        if let failure = failures.firstFailure { throw BenchError("generating the corpus: \(failure)") }
        return Corpus(directory: directory, count: count, totalBytes: failures.total)
    }

    /// Hard-links the first `n` files into `inbox` (created when missing).
    func link(first n: Int, into inbox: String) throws {
        precondition(n <= count)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for index in 0..<n {
            guard Glibc.link(path(index), inbox + "/" + Self.name(index)) == 0 else {
                throw BenchError("link \(Self.name(index)) into \(inbox): \(String(cString: strerror(errno)))")
            }
        }
    }

    func bytes(_ index: Int) throws -> [UInt8] {
        try Self.readFile(path(index))
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BenchError("create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw BenchError("write \(path): \(String(cString: strerror(errno)))")
                }
                written += n
            }
        }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BenchError("open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BenchError("stat \(path): \(String(cString: strerror(errno)))") }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        try bytes.withUnsafeMutableBytes { raw in
            while done < raw.count {
                let n = read(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw BenchError("read \(path): short read") }
                done += n
            }
        }
        return bytes
    }

    /// Entries in a folder (not recursive), without reading their contents.
    static func entryCount(_ directory: String) -> Int {
        guard let dir = opendir(directory) else { return 0 }
        defer { closedir(dir) }
        var n = 0
        while let entry = readdir(dir) {
            let first = entry.pointee.d_name.0
            if first != 46 { n += 1 } // skip ".", ".." and hidden temp names
        }
        return n
    }
}
