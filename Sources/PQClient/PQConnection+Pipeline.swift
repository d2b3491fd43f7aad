import CLibPQ

extension PQConnection {
    /// One statement of a pipeline: our own SQL and its `$n` values in text format (`nil` is NULL).
    public struct Statement: Sendable {
        public var sql: String
        public var parameters: [String?]

        public init(_ sql: String, _ parameters: [String?] = []) {
            self.sql = sql
            self.parameters = parameters
        }
    }

    /// Runs `statements` in libpq pipeline mode and returns their results, in order. After a failure the rest
    /// is skipped; inside a transaction the caller then rolls back, outside one the windows before it stay
    /// committed (each sync point ends an implicit transaction).
    ///
    /// Without a pipeline every statement costs a round trip, and the server sits idle while the client
    /// reads the result and sends the next one. Here statements go out in windows of `window`, each ended by
    /// a sync point, and (inside a transaction) a window is sent before the results of the one before it are
    /// read, so the server goes from statement to statement without waiting. Each result must be small (a row or so): the
    /// connection is in blocking mode, and results waiting unread must fit in the socket buffers.
    ///
    /// `beforeWindow` runs before each window is sent; what it throws ends the pipeline (after the windows
    /// already sent are read) and is rethrown. The first statement error is thrown as a `PQError`.
    public func executePipeline(_ statements: [Statement], window: Int = 64,
                                beforeWindow: () throws -> Void = {}) throws -> [PQResult] {
        precondition(window > 0)
        guard !statements.isEmpty else { return [] }
        let conn = try rawConnection()
        guard PQenterPipelineMode(conn) == 1 else {
            throw PQError(code: .queryFailed, message: "cannot enter pipeline mode: \(PQError.clean(PQerrorMessage(conn)))")
        }
        var results: [PQResult] = []
        results.reserveCapacity(statements.count)
        var failure: (any Error)?
        var inFlight: [Range<Int>] = []
        var next = 0

        func lost(_ what: String) -> PQError { PQError.fromConnection(conn, fallback: what) }
        /// Sends the next window; false when nothing more may be sent.
        func sendWindow() -> Bool {
            guard failure == nil, next < statements.count else { return false }
            do { try beforeWindow() } catch { failure = error; return false }
            let range = next..<min(next + window, statements.count)
            for index in range {
                let statement = statements[index]
                let sent = withOptionalCStrings(statement.parameters) { values in
                    PQsendQueryParams(conn, statement.sql, Int32(statement.parameters.count), nil, values, nil, nil, 0)
                }
                guard sent == 1 else { failure = lost("cannot send a statement"); return false }
            }
            guard PQpipelineSync(conn) == 1 else { failure = lost("cannot send a sync point"); return false }
            inFlight.append(range)
            next = range.upperBound
            return true
        }
        /// Reads the oldest window's results and its sync point; false when the connection broke.
        func readWindow() -> Bool {
            let range = inFlight.removeFirst()
            for _ in range {
                guard let result = PQgetResult(conn) else {
                    failure = failure ?? lost("no result from the server")
                    return false
                }
                switch PQresultStatus(result) {
                case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
                    results.append(PQResult(owning: result))
                case PGRES_PIPELINE_ABORTED:
                    PQclear(result) // skipped after an earlier error in this window
                default:
                    if failure == nil { failure = PQError.fromResult(result, connection: conn) }
                    PQclear(result)
                }
                // Each statement's results end with a NULL.
                while let extra = PQgetResult(conn) { PQclear(extra) }
            }
            guard let sync = PQgetResult(conn) else {
                failure = failure ?? lost("the pipeline ended early")
                return false
            }
            let synced = PQresultStatus(sync) == PGRES_PIPELINE_SYNC
            PQclear(sync)
            if !synced { failure = failure ?? PQError(code: .unexpectedResult, message: "expected the end of a pipeline window") }
            return synced
        }

        // Sending ahead is safe only inside a transaction block: after an error the window sent ahead then fails
        // as well ("transaction is aborted"). Outside one, each sync point commits, so it would commit.
        let sendAhead = PQtransactionStatus(conn) == PQTRANS_INTRANS
        _ = sendWindow()
        while !inFlight.isEmpty {
            if sendAhead { _ = sendWindow() } // the server works on this one while we read the previous
            guard readWindow() else { break }
            if !sendAhead, inFlight.isEmpty { _ = sendWindow() }
        }
        // Fails only when results are left unread, i.e. the connection broke; it is unusable then anyway.
        _ = PQexitPipelineMode(conn)
        if let failure { throw failure }
        return results
    }
}
