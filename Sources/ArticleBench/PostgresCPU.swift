import Foundation
import Glibc

/// CPU seconds used by the whole PostgreSQL cluster so far: the postmaster, its live children
/// (backends, checkpointer, WAL writer…) and the children it has already reaped (cutime/cstime),
/// read from /proc. The difference over a phase shows how the time splits between articled and
/// the database on a shared 2-core machine.
struct PostgresCPU {
    let postmaster: pid_t

    /// Finds the postmaster through `data_directory/postmaster.pid`; nil when not readable (remote server).
    init?(database: BenchDatabase) {
        guard let directory = try? database.setting("data_directory"),
              let text = try? String(contentsOfFile: directory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first, let pid = pid_t(first) else { return nil }
        postmaster = pid
    }

    func seconds() -> Double {
        let tick = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard let own = Self.stat(postmaster) else { return 0 }
        var ticks = own.user + own.system + own.childUser + own.childSystem
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") {
            for entry in entries {
                guard let pid = pid_t(entry), pid != postmaster, let s = Self.stat(pid), s.parent == postmaster else { continue }
                ticks += s.user + s.system
            }
        }
        return ticks / tick
    }

    private static func stat(_ pid: pid_t) -> (parent: pid_t, user: Double, system: Double, childUser: Double, childSystem: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let f = text[text.index(after: close)...].split(separator: " ")
        // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
        guard f.count > 14, let parent = pid_t(f[1]), let u = Double(f[11]), let s = Double(f[12]),
              let cu = Double(f[13]), let cs = Double(f[14]) else { return nil }
        return (parent, u, s, cu, cs)
    }
}
