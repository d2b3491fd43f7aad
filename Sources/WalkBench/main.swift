import Glibc
import InboxWatcher

// Times the two walks a daemon start makes over a backlog: the watch walk (`InboxWatcher.start`, every
// folder gets an inotify watch) and the backlog scanner's windows. Prints figures; it asserts nothing.
//
//   articled-walkbench create DIR N            N empty files with distinct, scrambled mtimes (kept for reruns)
//   articled-walkbench run DIR [WINDOWS] [BUDGET_S]   the watch walk, then WINDOWS scanner windows (default 3)

func seconds(since start: timespec) -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec - start.tv_sec) + Double(now.tv_nsec - start.tv_nsec) / 1e9
}

func now() -> timespec {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return t
}

/// User + system CPU seconds of this process so far: on a loaded machine the wall time says little.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fail(_ message: String) -> Never {
    var text = message + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func create(_ dir: String, count: Int) {
    mkdir(dir, 0o755)
    let start = now()
    for i in 0..<count {
        let name = dir + "/s" + String(i).leftPadded(7) + ".txt"
        let fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { fail("cannot create \(name): errno \(errno)") }
        // A permutation of 0..<count (a prime stride), so directory order and mtime order disagree.
        let rank = (i &* 7_919) % count
        var times = [timespec(tv_sec: 1_700_000_000 + rank, tv_nsec: rank % 1_000_000),
                     timespec(tv_sec: 1_700_000_000 + rank, tv_nsec: rank % 1_000_000)]
        futimens(fd, &times)
        close(fd)
    }
    print("created \(count) files in \(String(format: "%.1f", seconds(since: start))) s")
}

func run(_ dir: String, windows: Int, budget: Double?) {
    let layout = InboxLayout(inbox: dir)
    let watcher = InboxWatcher(layout: layout)
    var start = now()
    var cpu = cpuSeconds()
    do { try watcher.start { _ in } } catch { fail("cannot watch \(dir): \(error)") }
    print("watch walk: \(String(format: "%.3f", seconds(since: start))) s (CPU \(String(format: "%.3f", cpuSeconds() - cpu)) s), \(watcher.watchedFolderCount) folders watched")
    watcher.stop()

    var scanner = BacklogScanner(layout: layout)
    if let budget { scanner = BacklogScanner(layout: layout, firstWindowBudget: .milliseconds(Int(budget * 1000))) }
    for window in 1...max(1, windows) {
        start = now()
        cpu = cpuSeconds()
        let batch: [InboxFile]
        do { batch = try scanner.nextBatch() } catch { fail("cannot scan \(dir): \(error)") }
        let elapsed = seconds(since: start)
        let first = batch.first.map { "\($0.relativePath) @\($0.modifiedNanoseconds)" } ?? "-"
        print("window \(window): \(String(format: "%.3f", elapsed)) s (CPU \(String(format: "%.3f", cpuSeconds() - cpu)) s), \(batch.count) files, oldest \(first)")
        if batch.isEmpty { break }
    }
    print("peak RSS \(String(format: "%.0f", peakRSSMegabytes())) MB")
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

let args = CommandLine.arguments
switch (args.count, args.count > 1 ? args[1] : "") {
case (4, "create"):
    guard let count = Int(args[3]), count > 0 else { fail("N must be a positive number") }
    create(args[2], count: count)
case (3...5, "run"):
    run(args[2], windows: args.count > 3 ? Int(args[3]) ?? 3 : 3, budget: args.count > 4 ? Double(args[4]) : nil)
default:
    fail("usage: articled-walkbench create DIR N | run DIR [WINDOWS] [BUDGET_S]")
}
