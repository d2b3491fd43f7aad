@testable import PQClient
import Testing
import TestSupport

@Suite struct PipelineTests {
    @Test func resultsComeBackInOrderAcrossWindows() throws {
        let connection = try PQConnection(try TestPostgres.freshDatabase())
        let statements = (0..<150).map { PQConnection.Statement("SELECT $1::integer * 2", [String($0)]) }
        var windows = 0
        let results = try connection.executePipeline(statements, window: 16, beforeWindow: { windows += 1 })
        #expect(try results.map { try $0.int(0, 0) } == (0..<150).map { $0 * 2 })
        #expect(windows == 10)
        // Inside a transaction windows are sent ahead of reading: the same results, in the same order.
        let ahead = try connection.transaction { try connection.executePipeline(statements, window: 16) }
        #expect(try ahead.map { try $0.int(0, 0) } == (0..<150).map { $0 * 2 })
        // Out of pipeline mode again: plain statements work.
        #expect(try connection.execute("SELECT 41 + 1").int(0, 0) == 42)
    }

    @Test func theFirstErrorIsThrownAndNothingAfterItRuns() throws {
        let connection = try PQConnection(try TestPostgres.freshDatabase())
        try connection.execute("CREATE TABLE t (n integer PRIMARY KEY)")
        try connection.execute("CREATE TABLE seen (n integer)")
        // Statement 5 fails; the rest of its window is skipped and later windows are never sent.
        let statements = (0..<12).map { n in
            PQConnection.Statement(n == 5 ? "INSERT INTO t VALUES (1 / ($1::integer - 5))" : "INSERT INTO t VALUES ($1::integer)",
                                   [String(n)])
        }
        #expect {
            try connection.transaction { try connection.executePipeline(statements, window: 4) }
        } throws: { error in
            (error as? PQError)?.sqlState == SQLState(rawValue: "22012") // division_by_zero, not "transaction aborted"
        }
        #expect(try connection.execute("SELECT count(*) FROM t").int(0, 0) == 0, "rolled back")
        // Outside a transaction each window commits on its own: only the windows before the error did.
        #expect(throws: PQError.self) { try connection.executePipeline(statements, window: 4) }
        #expect(try connection.execute("SELECT string_agg(n::text, ',' ORDER BY n) FROM t").string(0, 0) == "0,1,2,3")
    }

    @Test func whatBeforeWindowThrowsEndsThePipelineAfterTheWindowsSent() throws {
        struct Stop: Error {}
        let connection = try PQConnection(try TestPostgres.freshDatabase())
        try connection.execute("CREATE TABLE t (n integer)")
        let statements = (0..<40).map { PQConnection.Statement("INSERT INTO t VALUES ($1::integer)", [String($0)]) }
        var windows = 0
        #expect(throws: Stop.self) {
            try connection.executePipeline(statements, window: 10, beforeWindow: {
                windows += 1
                if windows == 3 { throw Stop() }
            })
        }
        #expect(try connection.execute("SELECT count(*) FROM t").int(0, 0) == 20)
        #expect(try connection.execute("SELECT 1").int(0, 0) == 1)
    }
}
