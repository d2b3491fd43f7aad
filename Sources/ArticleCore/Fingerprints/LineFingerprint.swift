import TextKit

/// A stable 64-bit fingerprint of one line, for the boilerplate the store learns per publisher.
/// Case, whitespace, quote style and digits are folded, so "You have read 3 articles" and
/// "You have read 4 articles" are the same line to the learner.
public enum LineFingerprint {
    public static func of(_ line: String) -> Int64 {
        var hash = StableHash.offsetBasis
        for byte in TextFold.fold(line).utf8 {
            hash = StableHash.mix(hash, byte >= 0x30 && byte <= 0x39 ? 0x30 : byte)
        }
        return Int64(bitPattern: hash)
    }
}
