/// Bytes of a copied page to clean UTF-8 text: BOMs, UTF-16/32, invalid UTF-8 mended with Windows-1252,
/// line ends unified, invisible characters dropped. Binary and empty input are refused here.
enum TextDecoder {
    static func decode(_ bytes: [UInt8]) -> Result<String, NormalizeError> {
        if let kind = BinarySniffer.magicKind(bytes) {
            return .failure(.binary("the file looks like \(kind), not text"))
        }
        var utf8: [UInt8]
        switch unicodeForm(bytes) {
        case .utf8(let start):
            if let reason = BinarySniffer.binaryReason(bytes, from: start) {
                return .failure(.binary(reason))
            }
            utf8 = mendUTF8(bytes, from: start)
        case .utf16(let bigEndian, let start):
            utf8 = transcodeUTF16(bytes, from: start, bigEndian: bigEndian)
        case .utf32(let bigEndian):
            utf8 = transcodeUTF32(bytes, bigEndian: bigEndian)
        }
        utf8 = TextCleaner.clean(utf8)
        var isASCII = true
        var onlySpace = true
        for byte in utf8 {
            if byte >= 0x80 { isASCII = false; onlySpace = false; break }
            if byte != 0x20 && byte != 0x0A && byte != 0x09 { onlySpace = false }
        }
        if onlySpace {
            return .failure(bytes.isEmpty ? .empty("the file is empty") : .empty("the file holds only whitespace"))
        }
        let text = String(decoding: utf8, as: UTF8.self)
        // Plain text is already NFC (every plain scalar is NFC_Quick_Check=Yes), and Foundation's
        // normalization round trip cost a tenth of a normalization on typical pages.
        let plain = isASCII || utf8.withUnsafeBufferPointer { PlainText.isPlain($0) }
        return .success(plain ? text : TextCleaner.composed(text))
    }

    enum Form: Equatable {
        case utf8(start: Int)
        case utf16(bigEndian: Bool, start: Int)
        case utf32(bigEndian: Bool)
    }

    static func unicodeForm(_ b: [UInt8]) -> Form {
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return .utf32(bigEndian: false) }
        if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return .utf32(bigEndian: true) }
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return .utf8(start: 3) }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return .utf16(bigEndian: false, start: 2) }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return .utf16(bigEndian: true, start: 2) }
        if let bigEndian = BinarySniffer.bomlessUTF16(b) { return .utf16(bigEndian: bigEndian, start: 0) }
        return .utf8(start: 0)
    }

    /// Valid UTF-8 passes through; each byte that is not part of a valid sequence is read as Windows-1252.
    /// When invalid bytes outnumber valid multi-byte sequences the whole file is taken as Windows-1252,
    /// because then the "valid" sequences are most likely accidents of a legacy encoding.
    static func mendUTF8(_ b: [UInt8], from start: Int) -> [UInt8] {
        var validMulti = 0
        var invalid = 0
        var i = start
        while i < b.count {
            let n = sequenceLength(b, at: i)
            if n == 0 { invalid += 1; i += 1 } else { if n > 1 { validMulti += 1 }; i += n }
        }
        if invalid == 0 { return start == 0 ? b : Array(b[start...]) }
        let wholeFile = invalid > validMulti
        var out = [UInt8]()
        out.reserveCapacity(b.count + invalid * 2)
        i = start
        while i < b.count {
            let n = wholeFile ? (b[i] < 0x80 ? 1 : 0) : sequenceLength(b, at: i)
            if n == 0 {
                appendScalar(Windows1252.scalar(b[i]), to: &out)
                i += 1
            } else {
                out.append(contentsOf: b[i..<(i + n)])
                i += n
            }
        }
        return out
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one.
    @inline(__always)
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { k < b.count && b[k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(i + 1), cont(i + 2) else { return 0 }
            let c1 = b[i + 1]
            if c == 0xE0 && c1 < 0xA0 { return 0 }
            if c == 0xED && c1 >= 0xA0 { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            let c1 = b[i + 1]
            if c == 0xF0 && c1 < 0x90 { return 0 }
            if c == 0xF4 && c1 >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }

    static func transcodeUTF16(_ b: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var units = [UInt16]()
        units.reserveCapacity((b.count - start) / 2)
        var i = start
        while i + 1 < b.count {
            units.append(bigEndian ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func transcodeUTF32(_ b: [UInt8], bigEndian: Bool) -> [UInt8] {
        var out = [UInt8]()
        var i = 4
        while i + 3 < b.count {
            let v = bigEndian
                ? UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
                : UInt32(b[i + 3]) << 24 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i])
            appendScalar(Unicode.Scalar(v) ?? "\u{FFFD}", to: &out)
            i += 4
        }
        return out
    }

    @inline(__always)
    static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.value < 0x80 { out.append(UInt8(scalar.value)); return }
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
}
