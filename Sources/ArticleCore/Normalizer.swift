/// Turns the bytes of one input file into articles. Pure: no I/O, no clock, no globals.
public struct Normalizer: Sendable {
    public init() {}

    /// One result per article in the file: one for `.txt`/`.md`/`.json`, one per non-blank line for NDJSON.
    public func normalize(_ bytes: [UInt8], sourcePath: String, publisherHint: String? = nil) -> [Result<Article, NormalizeError>] {
        [.failure(NormalizeError(code: .empty, message: "not implemented"))]
    }
}

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
