/// Why bytes could not be read as text at all. The normalizer turns it into its own `NormalizeError`,
/// so the text targets stay free of article concepts.
package struct TextDecodingError: Error, Sendable, Equatable {
    package enum Code: Sendable, Equatable {
        /// The bytes are a known binary format or hold control bytes no text file has.
        case binary
        /// Nothing but whitespace (or nothing at all) once decoded.
        case empty
    }
    package var code: Code
    /// Says what the bytes look like, in words a user can act on.
    package var message: String

    package static func binary(_ message: String) -> Self { .init(code: .binary, message: message) }
    package static func empty(_ message: String) -> Self { .init(code: .empty, message: message) }
}
