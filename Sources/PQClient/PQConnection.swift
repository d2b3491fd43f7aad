import CLibPQ
import Glibc

/// The owner of one libpq connection. Not `Sendable`: keep it on one thread or serial queue.
///
/// Every statement with values goes through `execute(_:_:)`, i.e. `PQexecParams` with the values
/// passed apart from the SQL text: user data is never spliced into SQL.
public final class PQConnection {
    private var raw: OpaquePointer?

    /// Connects with a libpq connection string or URI (`host=… dbname=…`, `postgresql://…`).
    /// An empty string means libpq's defaults and the `PG*` environment variables, as for `psql`.
    public init(_ conninfo: String, applicationName: String = "articled", connectTimeout: Int = 10) throws(PQError) {
        // Keywords listed before "dbname" are defaults that the user's string overrides.
        let keywords = ["connect_timeout", "fallback_application_name", "dbname"]
        let values = [String(connectTimeout), applicationName, conninfo]
        if !conninfo.isEmpty {
            var errorMessage: UnsafeMutablePointer<CChar>?
            if let options = PQconninfoParse(conninfo, &errorMessage) {
                PQconninfoFree(options)
            } else {
                let message = PQError.clean(errorMessage)
                PQfreemem(errorMessage)
                throw PQError(code: .badConnectionString,
                              message: "invalid connection string: \(message.isEmpty ? "cannot be parsed" : message)")
            }
        }
        raw = withCStrings(keywords) { keys in
            withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let raw else { throw PQError(code: .connectionFailed, message: "out of memory creating a connection") }
        guard PQstatus(raw) == CONNECTION_OK else {
            let message = PQError.clean(PQerrorMessage(raw))
            PQfinish(raw)
            self.raw = nil
            throw PQError(code: .connectionFailed, message: message.isEmpty ? "cannot connect" : message)
        }
        // Server NOTICEs (e.g. "schema already exists, skipping") would go to stderr; they are not ours to print.
        PQsetNoticeProcessor(raw, { _, _ in }, nil)
        try execute("SET TIME ZONE 'UTC'")
    }

    deinit { close() }

    /// Idempotent; using the connection afterwards throws `.closed`.
    public func close() {
        if let raw { PQfinish(raw) }
        raw = nil
    }

    public var isOpen: Bool { raw.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// A handle another thread can use to cancel the statement this connection is running.
    public func canceller() -> PQCanceller? { raw.flatMap(PQCanceller.init) }

    /// Server version as an integer, e.g. 150018 for 15.18.
    /// Whether a transaction block is open (BEGIN sent, not yet ended), failed or not.
    public var isInTransaction: Bool {
        guard let raw else { return false }
        let status = PQtransactionStatus(raw)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    public var serverVersion: Int { raw.map { Int(PQserverVersion($0)) } ?? 0 }

    /// Runs one statement with `$1…$n` parameters in text format; `nil` is SQL NULL.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws(PQError) -> PQResult {
        let conn = try open()
        let result: OpaquePointer? = withOptionalCStrings(parameters) { values in
            PQexecParams(conn, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try check(result, conn)
    }

    /// Runs a script of several statements without parameters (migrations: our own static SQL only).
    @discardableResult
    public func executeScript(_ sql: String) throws(PQError) -> PQResult {
        let conn = try open()
        return try check(PQexec(conn, sql), conn)
    }

    /// Runs `body` inside BEGIN/COMMIT; rolls back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isOpen { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// The libpq handle, for extensions in this module (COPY) that need calls `execute` does not cover.
    func rawConnection() throws(PQError) -> OpaquePointer { try open() }

    private func open() throws(PQError) -> OpaquePointer {
        guard let raw else { throw PQError(code: .closed, message: "the database connection is closed") }
        return raw
    }

    private func check(_ result: OpaquePointer?, _ conn: OpaquePointer) throws(PQError) -> PQResult {
        guard let result else { throw PQError.fromConnection(conn, fallback: "no result from the server") }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PQResult(owning: result)
        default:
            let error = PQError.fromResult(result, connection: conn)
            PQclear(result)
            throw error
        }
    }
}

/// Calls `body` with a C array of C strings that lives for the duration of the call.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { copies.forEach { free($0) } }
    return copies.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}

func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    if strings.isEmpty { return body(nil) }
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    return copies.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}
