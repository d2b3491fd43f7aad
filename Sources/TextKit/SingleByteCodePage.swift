/// A single-byte legacy code page of the WHATWG Encoding Standard. All of them are ASCII below 0x80, so only
/// the 128 characters above differ; those tables are generated (`SingleByteCodePage+Tables.swift`).
/// The raw value is the standard's name of the encoding.
package enum SingleByteCodePage: String, CaseIterable, Sendable {
    case ibm866 = "IBM866"
    case iso8859_2 = "ISO-8859-2"
    case iso8859_3 = "ISO-8859-3"
    case iso8859_4 = "ISO-8859-4"
    case iso8859_5 = "ISO-8859-5"
    case iso8859_6 = "ISO-8859-6"
    case iso8859_7 = "ISO-8859-7"
    /// Also ISO-8859-8-I: logical and visual order differ in display, not in the characters.
    case iso8859_8 = "ISO-8859-8"
    case iso8859_10 = "ISO-8859-10"
    case iso8859_13 = "ISO-8859-13"
    case iso8859_14 = "ISO-8859-14"
    case iso8859_15 = "ISO-8859-15"
    case iso8859_16 = "ISO-8859-16"
    case koi8R = "KOI8-R"
    case koi8U = "KOI8-U"
    case macintosh = "macintosh"
    case windows874 = "windows-874"
    case windows1250 = "windows-1250"
    case windows1251 = "windows-1251"
    /// Also what "iso-8859-1", "latin1" and "us-ascii" mean on the web.
    case windows1252 = "windows-1252"
    case windows1253 = "windows-1253"
    /// Also ISO-8859-9, which it extends.
    case windows1254 = "windows-1254"
    case windows1255 = "windows-1255"
    case windows1256 = "windows-1256"
    case windows1257 = "windows-1257"
    case windows1258 = "windows-1258"
    case xMacCyrillic = "x-mac-cyrillic"

    /// The character `byte` stands for; U+FFFD for a byte the page leaves unassigned.
    package func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 { return Unicode.Scalar(byte) }
        return Unicode.Scalar(high[Int(byte) - 0x80]) ?? "\u{FFFD}"
    }

    /// `bytes[start...]` read in this code page, as UTF-8.
    package func decode(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        var out = [UInt8]()
        // Most letters of these pages take two UTF-8 bytes; reserving for that avoids regrowing mid-file.
        out.reserveCapacity((bytes.count - start) * 2)
        high.withUnsafeBufferPointer { table in
            for i in start..<bytes.count {
                let c = bytes[i]
                if c < 0x80 { out.append(c) } else { Self.appendUTF8(table[Int(c) - 0x80], to: &out) }
            }
        }
        return out
    }

    /// Appends the UTF-8 of the character `byte` stands for.
    @inline(__always)
    package func append(_ byte: UInt8, to out: inout [UInt8]) {
        if byte < 0x80 { out.append(byte) } else { Self.appendUTF8(high[Int(byte) - 0x80], to: &out) }
    }

    /// The tables hold only BMP characters outside the surrogates (the generator asserts it), so one code
    /// unit is one scalar and at most three bytes.
    @inline(__always)
    package static func appendUTF8(_ v: UInt16, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
