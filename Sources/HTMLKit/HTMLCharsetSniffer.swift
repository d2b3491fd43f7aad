import TextKit

/// The encoding an HTML page declares for itself, found the way browsers find it: the WHATWG HTML
/// "prescan a byte stream to determine its encoding" over the first 1024 bytes (`<meta charset>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, comments skipped, then an XML declaration at
/// the very start as the fallback). Reading bytes the way a browser does means a page decodes as its
/// author saw it; the byte order mark, which beats any declaration, is `TextDecoder`'s business.
package enum HTMLCharsetSniffer {
    /// The standard lets a declaration count only within the first 1024 bytes; looking no further also
    /// keeps the cost of a page's first look independent of its size.
    package static let prescanLength = 1024

    package static func declaredEncoding(_ bytes: [UInt8]) -> TextEncoding? {
        let end = min(bytes.count, prescanLength)
        return bytes.withUnsafeBufferPointer { all in
            let b = UnsafeBufferPointer(rebasing: all[0..<end])
            return prescan(b) ?? xmlEncoding(b)
        }
    }

    // MARK: - The prescan loop

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let bang = UInt8(ascii: "!"), question = UInt8(ascii: "?"), dash = UInt8(ascii: "-")
    private static let equals = UInt8(ascii: "="), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")

    /// nil when the bytes run out without a `<meta>` that names an encoding, which is the only way the
    /// standard's loop ends without an answer.
    private static func prescan(_ b: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        // A UTF-16 "<?x" (the standard's first step) has no BOM: only the NULs say what it is.
        if b.count >= 6 && b[0] == lt && b[1] == 0 && b[2] == question && b[3] == 0 && b[4] == 0x78 && b[5] == 0 {
            return .utf16(bigEndian: false)
        }
        if b.count >= 6 && b[0] == 0 && b[1] == lt && b[2] == 0 && b[3] == question && b[4] == 0 && b[5] == 0x78 {
            return .utf16(bigEndian: true)
        }
        let n = b.count
        var p = 0
        while p < n {
            defer { p += 1 }
            guard b[p] == lt else { continue }
            if p + 3 < n && b[p + 1] == bang && b[p + 2] == dash && b[p + 3] == dash {
                // The comment ends at the first "-->"; its dashes may be those of "<!--" itself ("<!-->").
                var q = p + 2
                while q + 2 < n && !(b[q] == dash && b[q + 1] == dash && b[q + 2] == gt) { q += 1 }
                guard q + 2 < n else { return nil }
                p = q + 2
            } else if p + 5 < n && isMetaStart(b, p) {
                p += 5
                if let encoding = metaEncoding(b, &p) { return encoding }
                if p >= n { return nil }
            } else if p + 1 < n && (isAlpha(b[p + 1]) || (b[p + 1] == slash && p + 2 < n && isAlpha(b[p + 2]))) {
                // Any other tag: its attributes are read only so that a ">" inside a quoted value does not
                // end it early.
                while p < n && !isSpace(b[p]) && b[p] != gt { p += 1 }
                while attribute(b, &p) != nil {}
                if p >= n { return nil }
            } else if p + 1 < n && (b[p + 1] == bang || b[p + 1] == slash || b[p + 1] == question) {
                var q = p + 1
                while q < n && b[q] != gt { q += 1 }
                guard q < n else { return nil }
                p = q
            }
        }
        return nil
    }

    /// "<meta" in any case, then a space or a slash.
    private static func isMetaStart(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        b[p + 1] | 0x20 == 0x6D && b[p + 2] | 0x20 == 0x65 && b[p + 3] | 0x20 == 0x74 && b[p + 4] | 0x20 == 0x61
            && (isSpace(b[p + 5]) || b[p + 5] == slash)
    }

    private static let httpEquiv = Array("http-equiv".utf8), content = Array("content".utf8)
    private static let charset = Array("charset".utf8), contentType = Array("content-type".utf8)

    /// One `<meta>`'s attributes: `charset` names the encoding outright; `content` names it only together
    /// with `http-equiv="content-type"` (the "pragma"). The first occurrence of an attribute counts.
    private static func metaEncoding(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> TextEncoding? {
        var seen: [[UInt8]] = []
        var gotPragma = false
        var needPragma: Bool?
        var charsetSet = false
        var declared: TextEncoding?
        while let (name, value) = attribute(b, &p) {
            if seen.contains(name) { continue }
            seen.append(name)
            if name == httpEquiv {
                if value == contentType { gotPragma = true }
            } else if name == content {
                if !charsetSet, let e = encodingInContent(value) {
                    declared = e
                    charsetSet = true
                    needPragma = true
                }
            } else if name == charset {
                declared = TextEncoding(label: value)
                charsetSet = true
                needPragma = false
            }
        }
        // Bytes that ran out inside the tag end the prescan: a <meta> cut off at byte 1024 names nothing.
        guard p < b.count else { return nil }
        guard let needPragma, !needPragma || gotPragma, let declared else { return nil }
        switch declared {
        case .utf16:
            // A <meta> legible as ASCII cannot have been written in UTF-16; the standard reads it as UTF-8.
            return .utf8
        case .undecoded("x-user-defined"):
            return .singleByte(.windows1252)
        default:
            return declared
        }
    }

    /// The HTML "algorithm for extracting a character encoding from a meta element": the label after the
    /// first "charset" that is followed by "=", quoted or up to a space or ";". `value` is already lowercase.
    private static func encodingInContent(_ s: [UInt8]) -> TextEncoding? {
        let n = s.count
        var p = 0
        while true {
            guard let at = find(charset, in: s, from: p) else { return nil }
            p = at + charset.count
            while p < n && isSpace(s[p]) { p += 1 }
            if p < n && s[p] == equals { break }
        }
        p += 1
        while p < n && isSpace(s[p]) { p += 1 }
        guard p < n else { return nil }
        if s[p] == dquote || s[p] == squote {
            let quote = s[p]
            guard let close = s[(p + 1)...].firstIndex(of: quote) else { return nil }
            return TextEncoding(label: s[(p + 1)..<close])
        }
        var q = p
        while q < n && !isSpace(s[q]) && s[q] != 0x3B { q += 1 }
        return TextEncoding(label: s[p..<q])
    }

    private static func find(_ needle: [UInt8], in s: [UInt8], from start: Int) -> Int? {
        guard s.count >= needle.count, start <= s.count - needle.count else { return nil }
        for i in start...(s.count - needle.count) where s[i] == needle[0] {
            if s[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    // MARK: - Attributes

    /// The HTML "get an attribute" step: the next attribute of a tag, name and value ASCII-lowercased,
    /// leaving `p` after it; nil at the tag's ">" or when the bytes run out (then `p` is at the end).
    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> (name: [UInt8], value: [UInt8])? {
        let n = b.count
        while p < n && (isSpace(b[p]) || b[p] == slash) { p += 1 }
        guard p < n, b[p] != gt else { return nil }
        var name: [UInt8] = []
        var value: [UInt8] = []
        // The name runs to "=", a space, "/" or ">"; a leading "=" belongs to the name.
        while true {
            let c = b[p]
            if c == equals && !name.isEmpty { p += 1; break }
            if isSpace(c) {
                while p < n && isSpace(b[p]) { p += 1 }
                guard p < n else { p = n; return nil }
                guard b[p] == equals else { return (name, []) }
                p += 1
                break
            }
            if c == slash || c == gt { return (name, []) }
            name.append(lower(c))
            p += 1
            guard p < n else { return nil }
        }
        while p < n && isSpace(b[p]) { p += 1 }
        guard p < n else { return nil }
        let first = b[p]
        if first == dquote || first == squote {
            p += 1
            while p < n {
                if b[p] == first { p += 1; return (name, value) }
                value.append(lower(b[p]))
                p += 1
            }
            return nil
        }
        if first == gt { return (name, []) }
        while p < n {
            let c = b[p]
            if isSpace(c) || c == gt { return (name, value) }
            value.append(lower(c))
            p += 1
        }
        return nil
    }

    // MARK: - The XML declaration

    private static let xmlStart = Array("<?xml".utf8), encodingWord = Array("encoding".utf8)

    /// The HTML "get an XML encoding": the quoted `encoding` of an XML declaration that opens the page,
    /// which XHTML saved as .html may carry instead of a `<meta>`.
    private static func xmlEncoding(_ b: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard b.starts(with: xmlStart), let close = b.firstIndex(of: gt) else { return nil }
        let decl = Array(b[0..<close])
        guard let at = find(encodingWord, in: decl, from: xmlStart.count) else { return nil }
        var p = at + encodingWord.count
        while p < decl.count && decl[p] <= 0x20 { p += 1 }
        guard p < decl.count, decl[p] == equals else { return nil }
        p += 1
        while p < decl.count && decl[p] <= 0x20 { p += 1 }
        guard p < decl.count, decl[p] == dquote || decl[p] == squote else { return nil }
        let quote = decl[p]
        guard let end = decl[(p + 1)...].firstIndex(of: quote) else { return nil }
        let label = decl[(p + 1)..<end]
        guard !label.contains(where: { $0 <= 0x20 }), let encoding = TextEncoding(label: label) else { return nil }
        if case .utf16 = encoding { return .utf8 }
        return encoding
    }

    // MARK: - Bytes

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0C || c == 0x0D }

    @inline(__always)
    private static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    @inline(__always)
    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
}
