/// Folds the typographic variants copy-paste produces (curly quotes, dash kinds, odd spaces) onto one form,
/// so comparisons and hashes do not depend on a site's typography.
@usableFromInline
package enum TextFold {
    /// Lowercased, quotes straightened, dashes to "-", whitespace runs collapsed to one space, trimmed.
    ///
    /// Every line, caption and body paragraph goes through here several times, so it works on UTF-8
    /// bytes: ASCII is lowercased in place and only other scalars pay for a Unicode case lookup. The
    /// result is exactly `lowercased()` (a per-scalar mapping in the standard library) followed by the
    /// per-scalar folds; `TextFoldTests` checks that against every scalar.
    @inlinable
    package static func fold(_ text: some StringProtocol) -> String {
        let utf8 = text.utf8
        if let folded = utf8.withContiguousStorageIfAvailable(fold(utf8:)) { return folded }
        return Array(utf8).withUnsafeBufferPointer(fold(utf8:))
    }

    @usableFromInline
    static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                continue
            }
            let start = i
            let scalar = decodeScalar(bytes, at: &i)
            // Spaces, quotes and dashes have no case: fold them without the case lookup.
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            let folded = foldScalar(scalar)
            if folded != scalar {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(UInt8(folded.value))
                continue
            }
            // General Punctuation has no case; elsewhere most scalars map to themselves.
            let lower = scalar.value >= 0x2000 && scalar.value <= 0x206F ? "" : scalar.properties.lowercaseMapping
            if lower.isEmpty || lower.utf8.elementsEqual(bytes[start..<i]) {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(contentsOf: bytes[start..<i])
                continue
            }
            for mapped in lower.unicodeScalars {
                if isSpace(mapped) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(contentsOf: UTF8.encode(foldScalar(mapped))!)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar starting at `i` of valid UTF-8 (a String's bytes), moving `i` past it.
    @inlinable @inline(__always)
    package static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[i])
        let value: UInt32
        if lead < 0x80 {
            value = lead
            i += 1
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            i += 4
        }
        return Unicode.Scalar(value).unsafelyUnwrapped
    }

    @inlinable @inline(__always)
    package static func foldScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        default: return scalar
        }
    }

    @inlinable @inline(__always)
    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    @inlinable @inline(__always)
    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Collapses runs of spaces and tabs inside a line to one space and trims the ends.
    @inlinable
    package static func collapseSpaces(_ line: some StringProtocol) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for byte in line.utf8 {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words as whitespace-separated tokens holding at least one letter or digit.
    /// Every unit and paragraph is counted, so ASCII is classified by byte and only other scalars are decoded.
    @inlinable
    package static func wordCount(_ text: some StringProtocol) -> Int {
        let utf8 = text.utf8
        if let count = utf8.withContiguousStorageIfAvailable(wordCount(utf8:)) { return count }
        return Array(utf8).withUnsafeBufferPointer(wordCount(utf8:))
    }

    @usableFromInline
    static func wordCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inToken = false
        var tokenHasWord = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let space: Bool, word: Bool
            if byte < 0x80 {
                i += 1
                space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                word = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
            } else {
                let scalar = decodeScalar(bytes, at: &i)
                space = isSpace(scalar)
                word = !space && !tokenHasWord && isWordScalar(scalar)
            }
            if space {
                if inToken && tokenHasWord { count += 1 }
                inToken = false
                tokenHasWord = false
            } else {
                inToken = true
                if word { tokenHasWord = true }
            }
        }
        if inToken && tokenHasWord { count += 1 }
        return count
    }
}
