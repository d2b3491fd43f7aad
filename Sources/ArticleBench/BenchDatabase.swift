import ArticleStore
import PQClient

/// The throwaway cluster: one fresh database per phase, named after it.
struct BenchDatabase {
    /// Keyword/value connection string without dbname (`host=/tmp/… port=5432 user=postgres`).
    let baseConninfo: String

    /// Later keywords win in a libpq connection string, so appending dbname selects the database.
    func conninfo(_ database: String) -> String { baseConninfo + " dbname=" + database }

    /// Drops (if left from an earlier run) and creates `name`; returns its connection string.
    func create(_ name: String) throws -> String {
        let admin = try PQConnection(conninfo("postgres"), applicationName: "articled-bench")
        defer { admin.close() }
        try admin.execute("DROP DATABASE IF EXISTS \(name)")
        try admin.execute("CREATE DATABASE \(name)")
        return conninfo(name)
    }

    /// `SHOW name` on the maintenance database.
    func setting(_ name: String) throws -> String {
        let admin = try PQConnection(conninfo("postgres"), applicationName: "articled-bench")
        defer { admin.close() }
        return try admin.execute("SELECT current_setting($1)", [name]).string(0, 0) ?? "?"
    }

    func drop(_ name: String) {
        guard let admin = try? PQConnection(conninfo("postgres"), applicationName: "articled-bench") else { return }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name)")
        admin.close()
    }
}
