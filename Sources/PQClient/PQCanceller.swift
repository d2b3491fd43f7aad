import CLibPQ

/// Asks the server to abandon the statement a connection is running, from any thread.
///
/// libpq's cancel object is independent of the connection's state and `PQcancel` is thread-safe,
/// which is what lets a shutdown interrupt a long statement on another thread's connection.
public final class PQCanceller: @unchecked Sendable {
    private let raw: OpaquePointer

    init?(_ connection: OpaquePointer) {
        guard let raw = PQgetCancel(connection) else { return nil }
        self.raw = raw
    }

    deinit { PQfreeCancel(raw) }

    /// Sends the cancel request; the statement then fails with SQLSTATE 57014 on its own thread.
    /// Returns false when the request could not be sent (the server is gone, which ends the statement too).
    @discardableResult
    public func cancel() -> Bool {
        var buffer = [CChar](repeating: 0, count: 256)
        return PQcancel(raw, &buffer, Int32(buffer.count)) == 1
    }
}
