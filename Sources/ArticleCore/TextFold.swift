/// Folds the typographic variants copy-paste produces (curly quotes, dash kinds, odd spaces) onto one form,
/// so comparisons and hashes do not depend on a site's typography.
enum TextFold {
    /// Lowercased, quotes straightened, dashes to "-", whitespace runs collapsed to one space, trimmed.
    static func fold(_ text: some StringProtocol) -> String {
        let lower = text.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in lower.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(foldScalar(scalar))
        }
        return String(out)
    }

    @inline(__always)
    static func foldScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        default: return scalar
        }
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Collapses runs of spaces and tabs inside a line to one space and trims the ends.
    static func collapseSpaces(_ line: some StringProtocol) -> String {
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
    static func wordCount(_ text: some StringProtocol) -> Int {
        var count = 0
        var inToken = false
        var tokenHasWord = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                if inToken && tokenHasWord { count += 1 }
                inToken = false
                tokenHasWord = false
            } else {
                inToken = true
                if !tokenHasWord && isWordScalar(scalar) { tokenHasWord = true }
            }
        }
        if inToken && tokenHasWord { count += 1 }
        return count
    }
}
