/// One value of the config file's TOML subset.
public enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])

    var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .bool: return "true or false"
        case .array: return "an array"
        }
    }
}

/// A key's value with the line it was set on, so errors can point at it.
public struct ConfigEntry: Sendable, Equatable {
    public var value: ConfigValue
    public var line: Int
}
