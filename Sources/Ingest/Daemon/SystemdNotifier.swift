import Foundation

/// `sd_notify` without libsystemd: one datagram to the socket named by `NOTIFY_SOCKET`.
///
/// A no-op when not started by systemd. Abstract-namespace sockets (`@name`) are supported.
public final class SystemdNotifier: @unchecked Sendable {
    private let path: String?
    private let lock = NSLock()
    private var fd: Int32 = -1

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        watchdogInterval = environment["WATCHDOG_USEC"].flatMap(UInt64.init).flatMap { usec -> Double? in
            // WATCHDOG_PID, when set, must be ours.
            if let pid = environment["WATCHDOG_PID"].flatMap(Int32.init), pid != getpid() { return nil }
            return Double(usec) / 1_000_000
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    public var isEnabled: Bool { path != nil }

    /// Seconds between the pings systemd expects (`WatchdogSec=`), or nil when it expects none.
    public let watchdogInterval: Double?

    public func ready() { send("READY=1") }
    public func stopping() { send("STOPPING=1") }
    public func reloading() { send("RELOADING=1") }
    public func watchdog() { send("WATCHDOG=1") }
    public func status(_ text: String) { send("STATUS=" + text.replacingOccurrences(of: "\n", with: " ")) }

    public func send(_ message: String) {
        guard let path else { return }
        lock.lock()
        defer { lock.unlock() }
        if fd < 0 { fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        guard fd >= 0 else { return }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let payload = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), socketAddress, length) }
            }
        }
    }
}
