/// A PostgreSQL SQLSTATE error code, with named constants for the ones articled acts on.
public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let uniqueViolation = SQLState(rawValue: "23505")
    public static let foreignKeyViolation = SQLState(rawValue: "23503")
    public static let notNullViolation = SQLState(rawValue: "23502")
    public static let checkViolation = SQLState(rawValue: "23514")
    public static let undefinedTable = SQLState(rawValue: "42P01")
    public static let invalidCatalogName = SQLState(rawValue: "3D000")
    public static let invalidPassword = SQLState(rawValue: "28P01")
    public static let serializationFailure = SQLState(rawValue: "40001")
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    public static let adminShutdown = SQLState(rawValue: "57P01")
    public static let crashShutdown = SQLState(rawValue: "57P02")
    public static let cannotConnectNow = SQLState(rawValue: "57P03")
    public static let queryCanceled = SQLState(rawValue: "57014")

    /// Class 08 (connection exception), 40 (transaction rollback), 53 (insufficient resources),
    /// 57P0x (server shutting down/starting): worth a retry on a new connection.
    public var isTransient: Bool {
        rawValue.hasPrefix("08") || rawValue.hasPrefix("40") || rawValue.hasPrefix("53")
            || self == .adminShutdown || self == .crashShutdown || self == .cannotConnectNow
    }

    public var description: String { rawValue }
}
