/// Decides whether bytes are text at all, before any decoding effort is spent on them.
package enum BinarySniffer {
    private static let magics: [(bytes: [UInt8], kind: String)] = [
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
        ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Office document"),
    ]

    package static func magicKind(_ b: [UInt8]) -> String? {
        for (magic, kind) in magics where b.count >= magic.count && b.starts(with: magic) {
            return kind
        }
        return nil
    }

    /// Why bytes without a UTF-16/32 BOM are not text: NUL bytes, or too many control bytes.
    package static func binaryReason(_ b: [UInt8], from start: Int) -> String? {
        var controls = 0
        var i = start
        while i < b.count {
            let c = b[i]
            if c < 0x20 {
                if c == 0 { return "the file contains NUL bytes at offset \(i); it is not a text file" }
                if c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x0B && c != 0x1B { controls += 1 }
            } else if c == 0x7F {
                controls += 1
            }
            i += 1
        }
        let total = max(1, b.count - start)
        if controls >= 4 && controls * 20 > total {
            return "the file is \(controls * 100 / total)% control bytes; it is not a text file"
        }
        return nil
    }

    /// UTF-16 written without a BOM shows up as NULs in every other byte; nil when it does not look so.
    package static func bomlessUTF16(_ b: [UInt8]) -> Bool? {
        let n = min(b.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        var i = 0
        while i < n {
            if b[i] == 0 { evenZeros += 1 }
            if b[i + 1] == 0 { oddZeros += 1 }
            i += 2
        }
        let pairs = n / 2
        if oddZeros * 10 >= pairs * 7 && evenZeros * 20 < pairs { return false }
        if evenZeros * 10 >= pairs * 7 && oddZeros * 20 < pairs { return true }
        return nil
    }
}
