import CLibPQ

/// The owner of one `PGresult`; cleared when the value goes away.
///
/// Values arrive in libpq's text format; the typed accessors parse them and throw
/// `.unexpectedResult` when the server sent something else than the caller expected.
public final class PQResult {
    private let raw: OpaquePointer

    init(owning raw: OpaquePointer) { self.raw = raw }
    deinit { PQclear(raw) }

    public var rowCount: Int { Int(PQntuples(raw)) }
    public var columnCount: Int { Int(PQnfields(raw)) }
    /// Rows touched by INSERT/UPDATE/DELETE, from the command tag.
    public var affectedRows: Int {
        guard let tag = PQcmdTuples(raw) else { return 0 }
        return Int(String(cString: tag)) ?? 0
    }

    public func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(raw, Int32(row), Int32(column)) == 1
    }

    public func string(_ row: Int, _ column: Int) throws(PQError) -> String? {
        try checkBounds(row, column)
        if isNull(row, column) { return nil }
        return String(cString: PQgetvalue(raw, Int32(row), Int32(column)))
    }

    public func int(_ row: Int, _ column: Int) throws(PQError) -> Int? {
        guard let text = try string(row, column) else { return nil }
        guard let value = Int(text) else { throw unexpected(row, column, "an integer", text) }
        return value
    }

    public func bool(_ row: Int, _ column: Int) throws(PQError) -> Bool? {
        guard let text = try string(row, column) else { return nil }
        switch text {
        case "t": return true
        case "f": return false
        default: throw unexpected(row, column, "a boolean", text)
        }
    }

    public func double(_ row: Int, _ column: Int) throws(PQError) -> Double? {
        guard let text = try string(row, column) else { return nil }
        guard let value = Double(text) else { throw unexpected(row, column, "a number", text) }
        return value
    }

    public func columnName(_ column: Int) -> String {
        guard let name = PQfname(raw, Int32(column)) else { return "?" }
        return String(cString: name)
    }

    private func checkBounds(_ row: Int, _ column: Int) throws(PQError) {
        guard row >= 0, row < rowCount, column >= 0, column < columnCount else {
            throw PQError(code: .unexpectedResult,
                          message: "result has \(rowCount) rows × \(columnCount) columns; asked for row \(row), column \(column)")
        }
    }

    private func unexpected(_ row: Int, _ column: Int, _ wanted: String, _ got: String) -> PQError {
        PQError(code: .unexpectedResult,
                message: "column \(columnName(column)) of row \(row) is not \(wanted) (\(got.prefix(20)))")
    }
}
