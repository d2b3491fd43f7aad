@testable import PQClient
import Testing
import TestSupport

@Suite struct CopyInTests {
    @Test func copiesAnyTextVerbatimAndNullsAsNull() throws {
        let connection = try PQConnection(try TestPostgres.freshDatabase())
        try connection.execute("CREATE TABLE t (n integer, v text)")
        let values: [String?] = ["tab\there", "new\nline", "back\\slash \\N", "cr\rlf\r\n", "", nil, "“Kyiv” — 東京 \u{1F4F0}",
                                 String(repeating: "long paragraph. ", count: 100_000)]
        let copied = try connection.copyIn("COPY t (n, v) FROM STDIN", rows: values.enumerated().map { [String($0.offset), $0.element] })
        #expect(copied == values.count)
        let result = try connection.execute("SELECT v, v IS NULL FROM t ORDER BY n")
        for (row, expected) in values.enumerated() {
            #expect(try result.string(row, 0) == expected)
            #expect(try result.string(row, 1) == (expected == nil ? "t" : "f"))
        }
    }

    @Test func aRowTheServerRefusesFailsTheWholeCopyAndTheConnectionStaysUsable() throws {
        let connection = try PQConnection(try TestPostgres.freshDatabase())
        try connection.execute("CREATE TABLE t (n integer PRIMARY KEY)")
        let rows = (0..<1_000).map { [String($0 == 500 ? 1 : $0)] }
        #expect {
            try connection.copyIn("COPY t (n) FROM STDIN", rows: rows)
        } throws: { error in
            (error as? PQError)?.sqlState == .uniqueViolation
        }
        #expect(try connection.execute("SELECT count(*) FROM t").int(0, 0) == 0)
        #expect(throws: PQError.self) { try connection.copyIn("COPY t (n) FROM STDIN", rows: [["not a number"]]) }
        #expect(throws: PQError.self) { try connection.copyIn("SELECT 1", rows: [[String?]]()) }
        #expect(try connection.copyIn("COPY t (n) FROM STDIN", rows: [["7"]]) == 1)
    }
}
