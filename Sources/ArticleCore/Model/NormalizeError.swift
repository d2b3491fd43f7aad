/// Why a file (or one NDJSON line) did not yield an article. The message names what is wrong in words a
/// user can act on; it never quotes the article body.
public struct NormalizeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case empty, binary, noArticle, invalidJSON, invalidFrontMatter, wrongType, unsupportedFormat, tooLarge
    }
    public var code: Code
    public var message: String
    /// 1-based line of the input the error is about (NDJSON line, front-matter line), when there is one.
    public var line: Int?
    public init(code: Code, message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

extension NormalizeError {
    static func empty(_ message: String) -> Self { .init(code: .empty, message: message) }
    static func binary(_ message: String) -> Self { .init(code: .binary, message: message) }
    static func noArticle(_ message: String, line: Int? = nil) -> Self { .init(code: .noArticle, message: message, line: line) }
    static func invalidJSON(_ message: String, line: Int? = nil) -> Self {
        .init(code: .invalidJSON, message: message, line: line)
    }
    static func invalidFrontMatter(_ message: String, line: Int) -> Self {
        .init(code: .invalidFrontMatter, message: message, line: line)
    }
    static func wrongType(field: String, expected: String, line: Int? = nil) -> Self {
        .init(code: .wrongType, message: "field \"\(field)\" must be \(expected)", line: line)
    }
    static func unsupported(_ message: String) -> Self { .init(code: .unsupportedFormat, message: message) }
    static func tooLarge(size: Int, limit: Int) -> Self {
        .init(code: .tooLarge, message: "the file is \(size) bytes; the limit is \(limit) bytes")
    }
}
