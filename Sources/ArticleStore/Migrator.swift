import Logging
import PQClient

/// Applies the embedded numbered migrations that the database has not seen yet.
///
/// A session advisory lock makes concurrent `migrate` runs (two daemons starting together) take
/// turns; each migration runs in its own transaction together with its bookkeeping row.
public struct Migrator {
    public let migrations: [Migration]
    private let logger: Logger

    public init(migrations: [Migration] = Migration.embedded, logger: Logger = Logger(label: "articled.migrate")) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// The newest schema version this build knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Versions already applied, ascending; empty for a database articled has never touched.
    public func appliedVersions(_ connection: PQConnection) throws -> [Int] {
        let exists = try connection.execute("SELECT to_regclass('articled.schema_migrations') IS NOT NULL")
        guard try exists.bool(0, 0) == true else { return [] }
        let rows = try connection.execute("SELECT version FROM articled.schema_migrations ORDER BY version")
        return try (0..<rows.rowCount).compactMap { try rows.int($0, 0) }
    }

    /// Applies what is missing and returns the migrations it applied (empty when up to date).
    @discardableResult
    public func migrate(_ connection: PQConnection) throws -> [Migration] {
        try connection.execute("SELECT pg_advisory_lock(hashtext('articled.migrate'))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(hashtext('articled.migrate'))") }

        try connection.executeScript("""
            CREATE SCHEMA IF NOT EXISTS articled;
            CREATE TABLE IF NOT EXISTS articled.schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE articled.schema_migrations IS 'Schema migrations applied by articled migrate.';
            """)
        let applied = try appliedChecksums(connection)
        if let newest = applied.keys.max(), newest > latestVersion {
            throw MigrationError.databaseNewerThanBinary(database: newest, binary: latestVersion)
        }
        var done: [Migration] = []
        for migration in migrations {
            if let checksum = applied[migration.version] {
                if checksum != migration.checksum {
                    logger.warning("applied migration differs from this build's copy",
                                   metadata: ["db.migration": "\(migration.version)_\(migration.name)"])
                }
                continue
            }
            do {
                try connection.transaction {
                    try connection.executeScript(migration.sql)
                    try connection.execute(
                        "INSERT INTO articled.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                        [String(migration.version), migration.name, migration.checksum])
                }
            } catch let error as PQError {
                throw MigrationError.failed(version: migration.version, name: migration.name, underlying: error)
            }
            logger.info("applied migration", metadata: ["db.migration": "\(migration.version)_\(migration.name)"])
            done.append(migration)
        }
        return done
    }

    private func appliedChecksums(_ connection: PQConnection) throws -> [Int: String] {
        let rows = try connection.execute("SELECT version, checksum FROM articled.schema_migrations")
        var result: [Int: String] = [:]
        for row in 0..<rows.rowCount {
            if let version = try rows.int(row, 0) { result[version] = try rows.string(row, 1) ?? "" }
        }
        return result
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    case databaseNewerThanBinary(database: Int, binary: Int)
    case failed(version: Int, name: String, underlying: PQError)

    public var description: String {
        switch self {
        case let .databaseNewerThanBinary(database, binary):
            return "the database schema is at version \(database), newer than this articled build knows (\(binary)); upgrade articled"
        case let .failed(version, name, underlying):
            return "migration \(version)_\(name) failed: \(underlying)"
        }
    }
}
