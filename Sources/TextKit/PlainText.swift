/// Text whose scalars Unicode treats simply: each one is its own grapheme cluster (but CR LF), none is a combining
/// mark, joiner or surrogate, and no two different strings of them are canonically equivalent
/// (precomposed letters only; their decompositions would need combining marks).
///
/// On such text the Character- and Foundation-level operations the rules were written with (word splits
/// by `Character.isLetter`, `String ==`, `range(of:)`'s default non-literal search) give the same answers
/// as plain byte comparisons, so hot paths check for it once and then work on bytes. Nearly every
/// article is plain after decoding; others keep the exact general path.
@usableFromInline
package enum PlainText {
    /// Below the combining marks (U+0300), General Punctuation without its spaces, joiners and marks,
    /// currency signs, and U+FFFD.
    @inlinable @inline(__always)
    package static func isPlain(_ value: UInt32) -> Bool {
        value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
            || (0x20A0...0x20C0).contains(value) || value == 0xFFFD
    }

    /// Whether every scalar of the valid UTF-8 `bytes` is plain.
    @inlinable
    package static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            guard isPlain(TextFold.decodeScalar(bytes, at: &i).value) else { return false }
        }
        return true
    }
}
