import CLibPQ

/// A failure talking to PostgreSQL, with what a user needs to act on it.
///
/// `description` never contains SQL text, row data or the connection string: it is safe to log.
public struct PQError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case connectionFailed, connectionLost, queryFailed, badConnectionString, unexpectedResult, closed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The server could not be reached or refused us (host, port, socket, authentication).
        public static let connectionFailed = Code(.connectionFailed)
        /// An established connection broke (server restart, network cut).
        public static let connectionLost = Code(.connectionLost)
        /// The server ran the statement and reported an error: see `sqlState`.
        public static let queryFailed = Code(.queryFailed)
        /// libpq could not parse the connection string or URI.
        public static let badConnectionString = Code(.badConnectionString)
        /// The server answered with something the caller did not expect (wrong column count, type).
        public static let unexpectedResult = Code(.unexpectedResult)
        /// The connection was used after `close()`.
        public static let closed = Code(.closed)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// The server's primary message, or libpq's for client-side failures.
    public var message: String
    /// Five-character SQLSTATE (`23505` unique violation, `42P01` undefined table, …), when the server sent one.
    public var sqlState: SQLState?
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?

    public init(code: Code, message: String, sqlState: SQLState? = nil, detail: String? = nil,
                hint: String? = nil, constraint: String? = nil, table: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
    }

    /// True when retrying later, on a new connection, may succeed: the database was away, not the input wrong.
    public var isTransient: Bool {
        switch code {
        case .connectionFailed, .connectionLost: return true
        case .queryFailed: return sqlState?.isTransient ?? false
        default: return false
        }
    }

    public var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState.rawValue))" }
        if let constraint { text += " [constraint \(constraint)]" }
        if let hint { text += "; hint: \(hint)" }
        return text
    }
}

extension PQError {
    /// The `PG_DIAG_*` field codes of postgres_ext.h (character macros, which Swift does not import).
    enum Field: UInt8 {
        case sqlState = 67 // 'C'
        case messagePrimary = 77 // 'M'
        case messageDetail = 68 // 'D'
        case messageHint = 72 // 'H'
        case tableName = 116 // 't'
        case constraintName = 110 // 'n'
    }

    /// Reads the error fields of a failed result.
    static func fromResult(_ result: OpaquePointer, connection: OpaquePointer?) -> PQError {
        func field(_ code: Field) -> String? {
            guard let raw = PQresultErrorField(result, Int32(code.rawValue)) else { return nil }
            return String(cString: raw)
        }
        let state = field(.sqlState).map(SQLState.init(rawValue:))
        var message = field(.messagePrimary) ?? PQError.clean(PQresultErrorMessage(result))
        if message.isEmpty, let connection { message = PQError.clean(PQerrorMessage(connection)) }
        let lost = connection.map { PQstatus($0) == CONNECTION_BAD } ?? false
        return PQError(
            code: lost && state == nil ? .connectionLost : .queryFailed,
            message: message.isEmpty ? "the server reported an error without a message" : message,
            sqlState: state,
            detail: field(.messageDetail),
            hint: field(.messageHint),
            constraint: field(.constraintName),
            table: field(.tableName)
        )
    }

    /// The connection's own error, when a call failed without a result: lost when the connection broke.
    static func fromConnection(_ connection: OpaquePointer, fallback: String) -> PQError {
        let message = clean(PQerrorMessage(connection))
        return PQError(code: PQstatus(connection) == CONNECTION_BAD ? .connectionLost : .queryFailed,
                       message: message.isEmpty ? fallback : message)
    }

    /// libpq messages end in a newline and sometimes repeat "ERROR:  "; keep one clean line.
    static func clean(_ raw: UnsafePointer<CChar>?) -> String {
        guard let raw else { return "" }
        let text = String(cString: raw)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " \t") }
        return lines.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
