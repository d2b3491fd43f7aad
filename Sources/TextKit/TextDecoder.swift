/// Bytes of a copied page to clean UTF-8 text: BOMs, UTF-16/32, a declared legacy code page, invalid UTF-8
/// mended with Windows-1252 (or read as windows-1251/KOI8 when it looks Cyrillic), line ends unified,
/// invisible characters dropped. Binary and empty input are refused here.
package enum TextDecoder {
    /// `declared` is what the document says it is (an HTML page's `<meta charset>`); a BOM beats it.
    /// `guessesCyrillic` lets undeclared non-UTF-8 text be recognised as windows-1251 or KOI8; JSON turns it
    /// off, since RFC 8259 allows only UTF-8 there and stray bytes in it are mended, never reinterpreted.
    package static func decode(
        _ bytes: [UInt8], declared: TextEncoding? = nil, guessesCyrillic: Bool = true
    ) -> Result<String, TextDecodingError> {
        if let kind = BinarySniffer.magicKind(bytes) {
            return .failure(.binary("the file looks like \(kind), not text"))
        }
        var utf8: [UInt8]
        switch unicodeForm(bytes, declared: declared) {
        case .utf8(let start):
            if let reason = BinarySniffer.binaryReason(bytes, from: start) {
                return .failure(.binary(reason))
            }
            // A UTF-8 BOM (start 3) beats the declaration, as it does in browsers.
            switch start == 0 ? declared : nil {
            case .singleByte(let page):
                utf8 = mendUTF8(bytes, from: start, legacy: .declared(page))
            case .undecoded:
                // A CJK page decodes as it did before labels were read; the Cyrillic guess is not for it.
                utf8 = mendUTF8(bytes, from: start, legacy: .windows1252)
            case .utf8, .utf16, nil:
                utf8 = mendUTF8(bytes, from: start, legacy: guessesCyrillic ? .guessed : .windows1252)
            }
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

    package enum Form: Equatable {
        case utf8(start: Int)
        case utf16(bigEndian: Bool, start: Int)
        case utf32(bigEndian: Bool)
    }

    package static func unicodeForm(_ b: [UInt8], declared: TextEncoding? = nil) -> Form {
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return .utf32(bigEndian: false) }
        if b.count >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return .utf32(bigEndian: true) }
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return .utf8(start: 3) }
        if b.count >= 2 && b[0] == 0xFF && b[1] == 0xFE { return .utf16(bigEndian: false, start: 2) }
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF { return .utf16(bigEndian: true, start: 2) }
        // Only a BOM-less "<?x" in UTF-16 declares UTF-16 (see HTMLCharsetSniffer); a label saying so does not.
        if case .utf16(let bigEndian) = declared { return .utf16(bigEndian: bigEndian, start: 0) }
        if let bigEndian = BinarySniffer.bomlessUTF16(b) { return .utf16(bigEndian: bigEndian, start: 0) }
        return .utf8(start: 0)
    }

    /// What bytes that are not UTF-8 are read as.
    package enum Legacy: Equatable {
        /// Windows-1252, the encoding text most often arrives in when it is not UTF-8.
        case windows1252
        /// Windows-1252, unless a whole file of it looks like Cyrillic in windows-1251 or KOI8 (`CyrillicSniffer`).
        case guessed
        /// The code page the document declares.
        case declared(SingleByteCodePage)
    }

    /// Valid UTF-8 passes through; each byte that is not part of a valid sequence is read in the legacy code
    /// page. When invalid bytes outnumber valid multi-byte sequences the whole file is read in that code page,
    /// because then the "valid" sequences are most likely accidents of a legacy encoding.
    ///
    /// A declared code page is read for the whole file unless the file is valid UTF-8 throughout: a page
    /// re-saved as UTF-8 often keeps its old `<meta charset>`, while real legacy text is never valid UTF-8
    /// from end to end. Short of that the label wins: some scripts (Thai in windows-874, Russian in IBM866)
    /// form valid-looking UTF-8 pairs often enough to tip the byte count of a short text. Valid UTF-8 costs
    /// one validation pass, as before.
    package static func mendUTF8(_ b: [UInt8], from start: Int, legacy: Legacy = .windows1252) -> [UInt8] {
        var validMulti = 0
        var invalid = 0
        var i = start
        while i < b.count {
            let n = sequenceLength(b, at: i)
            if n == 0 { invalid += 1; i += 1 } else { if n > 1 { validMulti += 1 }; i += n }
        }
        if invalid == 0 { return start == 0 ? b : Array(b[start...]) }
        var wholeFile = invalid > validMulti
        let page: SingleByteCodePage
        switch legacy {
        case .windows1252:
            page = .windows1252
        case .guessed:
            page = wholeFile ? CyrillicSniffer.codePage(b, from: start) ?? .windows1252 : .windows1252
        case .declared(let declared):
            page = declared
            wholeFile = true
        }
        if wholeFile { return page.decode(b, from: start) }
        var out = [UInt8]()
        out.reserveCapacity(b.count + invalid * 2)
        i = start
        while i < b.count {
            let n = sequenceLength(b, at: i)
            if n == 0 {
                page.append(b[i], to: &out)
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
    package static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
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

    package static func transcodeUTF16(_ b: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var units = [UInt16]()
        units.reserveCapacity((b.count - start) / 2)
        var i = start
        while i + 1 < b.count {
            units.append(bigEndian ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    package static func transcodeUTF32(_ b: [UInt8], bigEndian: Bool) -> [UInt8] {
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
    package static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.value < 0x80 { out.append(UInt8(scalar.value)); return }
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
}
