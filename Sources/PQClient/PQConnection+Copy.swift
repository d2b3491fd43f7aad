import CLibPQ

extension PQConnection {
    /// Runs `COPY … FROM STDIN` (text format, the default) and streams `rows` through it, each row one
    /// value per column, `nil` for NULL. Returns the number of rows the server copied.
    ///
    /// Values are escaped for the text format, so any text is safe; the statement itself must be our own
    /// static SQL. Data goes out in chunks of about 1 MB: memory stays flat however many rows there are.
    @discardableResult
    public func copyIn(_ sql: String, rows: some Sequence<[String?]>) throws(PQError) -> Int {
        let conn = try rawConnection()
        guard let start = PQexec(conn, sql) else { throw PQError.fromConnection(conn, fallback: "") }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            let status = PQresultStatus(start)
            if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
                PQclear(start)
                throw PQError(code: .unexpectedResult, message: "the statement is not a COPY FROM STDIN")
            }
            let error = PQError.fromResult(start, connection: conn)
            PQclear(start)
            throw error
        }
        PQclear(start)

        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 65_536)
        var sendFailure: String?
        func flush() {
            guard !buffer.isEmpty, sendFailure == nil else { return }
            let sent = buffer.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
            }
            if sent != 1 { sendFailure = PQError.clean(PQerrorMessage(conn)) }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.append(0x09) }
                if let value { Self.appendCopyText(value, to: &buffer) } else { buffer.append(contentsOf: [0x5C, 0x4E]) } // \N
            }
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 { flush() }
            if sendFailure != nil { break }
        }
        flush()
        // On a send failure the COPY is ended with an error message, so the server rolls it back.
        _ = PQputCopyEnd(conn, sendFailure)
        var copied = 0
        var failure: PQError?
        while let result = PQgetResult(conn) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = PQError.fromResult(result, connection: conn)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        if let sendFailure { throw PQError(code: .connectionLost, message: sendFailure) }
        return copied
    }

    /// COPY text format: backslash, tab, newline and carriage return are the only bytes that need escaping.
    /// The bytes between them are appended in runs.
    static func appendCopyText(_ value: String, to buffer: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let escaped: UInt8
                switch bytes[i] {
                case 0x5C: escaped = 0x5C
                case 0x09: escaped = 0x74
                case 0x0A: escaped = 0x6E
                case 0x0D: escaped = 0x72
                default: continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                buffer.append(0x5C)
                buffer.append(escaped)
                runStart = i + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
