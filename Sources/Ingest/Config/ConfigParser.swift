/// Parses the subset of TOML that articled's config file uses: `[section]` and `[section.sub]` headers,
/// `key = value` with strings ("…" with escapes, '…' literal), integers (`_` separators), floats,
/// booleans and one-line arrays, and `#` comments. Keys come out dotted: `inbox.path`.
///
/// Hand-written rather than a TOML library so that every error names its line.
public struct ConfigParser {
    public let fileName: String

    public init(fileName: String) { self.fileName = fileName }

    public func parse(_ text: String) throws(ConfigError) -> [String: ConfigEntry] {
        var entries: [String: ConfigEntry] = [:]
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var scanner = Scanner(Array(rawLine.utf8), line: lineNumber, file: fileName)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == UInt8(ascii: "[") {
                scanner.advance()
                let name = try scanner.key()
                guard scanner.consume(UInt8(ascii: "]")) else { throw scanner.error("expected ] after the section name") }
                try scanner.expectEnd()
                section = name
                continue
            }
            let key = try scanner.key()
            guard scanner.consume(UInt8(ascii: "=")) else { throw scanner.error("expected = after \(key)") }
            scanner.skipSpaces()
            let value = try scanner.value()
            try scanner.expectEnd()
            let full = section.isEmpty ? key : section + "." + key
            if let previous = entries[full] {
                throw ConfigError(file: fileName, line: lineNumber, key: full,
                                  message: "set twice (first on line \(previous.line))")
            }
            entries[full] = ConfigEntry(value: value, line: lineNumber)
        }
        return entries
    }

    private struct Scanner {
        let bytes: [UInt8]
        let line: Int
        let file: String
        var position = 0

        init(_ bytes: [UInt8], line: Int, file: String) {
            // Tolerate CRLF files.
            self.bytes = bytes.last == 13 ? Array(bytes.dropLast()) : bytes
            self.line = line
            self.file = file
        }

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }
        var atEndOrComment: Bool { peek == nil || peek == UInt8(ascii: "#") }

        mutating func advance() { position += 1 }

        mutating func skipSpaces() {
            while let byte = peek, byte == 32 || byte == 9 { position += 1 }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard peek == byte else { return false }
            position += 1
            skipSpaces()
            return true
        }

        func error(_ message: String) -> ConfigError {
            ConfigError(file: file, line: line, message: message)
        }

        mutating func expectEnd() throws(ConfigError) {
            skipSpaces()
            guard atEndOrComment else { throw error("unexpected text after the value") }
        }

        mutating func key() throws(ConfigError) -> String {
            skipSpaces()
            let start = position
            while let byte = peek, isKeyByte(byte) || byte == UInt8(ascii: ".") { position += 1 }
            guard position > start else { throw error("expected a key name") }
            let key = String(decoding: bytes[start..<position], as: UTF8.self)
            skipSpaces()
            return key
        }

        func isKeyByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        mutating func value() throws(ConfigError) -> ConfigValue {
            guard let first = peek else { throw error("missing value") }
            switch first {
            case UInt8(ascii: "\""): return .string(try basicString())
            case UInt8(ascii: "'"): return .string(try literalString())
            case UInt8(ascii: "["):
                advance()
                var items: [ConfigValue] = []
                skipSpaces()
                if consume(UInt8(ascii: "]")) { return .array(items) }
                while true {
                    skipSpaces()
                    items.append(try value())
                    if consume(UInt8(ascii: ",")) {
                        if consume(UInt8(ascii: "]")) { return .array(items) }
                        continue
                    }
                    if consume(UInt8(ascii: "]")) { return .array(items) }
                    throw error("expected , or ] in the array (arrays stay on one line)")
                }
            default:
                let start = position
                while let byte = peek, byte != 32, byte != 9, byte != UInt8(ascii: ","), byte != UInt8(ascii: "]"),
                      byte != UInt8(ascii: "#") { position += 1 }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                let digits = word.replacingUnderscores()
                if let integer = Int(digits) { return .integer(integer) }
                if let number = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                    return .float(number)
                }
                throw error("cannot read value \(word.isEmpty ? "(empty)" : word): quote strings with \"…\"")
            }
        }

        mutating func basicString() throws(ConfigError) -> String {
            advance()
            var out: [UInt8] = []
            while let byte = peek {
                advance()
                if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = peek else { break }
                    advance()
                    switch escaped {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(escaped)
                    default: throw error("unknown escape \\\(Character(Unicode.Scalar(escaped)))")
                    }
                } else {
                    out.append(byte)
                }
            }
            throw error("unterminated string")
        }

        mutating func literalString() throws(ConfigError) -> String {
            advance()
            let start = position
            while let byte = peek, byte != UInt8(ascii: "'") { advance() }
            guard peek != nil else { throw error("unterminated string") }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            advance()
            return text
        }
    }
}

private extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
