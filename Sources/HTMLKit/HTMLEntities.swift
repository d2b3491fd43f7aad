import TextKit

/// Character references (`&amp;`, `&#8217;`, `&#x2014;`, `&eacute;`) decoded to UTF-8 as a browser does,
/// for the names news pages actually use rather than all 2,231 of HTML5.
package enum HTMLEntities {
    /// Latin-1 names for U+00A0...U+00FF in code point order. Browsers accept these without the closing
    /// semicolon ("&copy 2024"), so old pages write them that way.
    private static let latin1Names = """
    nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
    acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde \
    Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc \
    Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml \
    aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc \
    otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
    """

    /// Names that need their semicolon: typography, Central European and Turkish letters from bylines
    /// and place names, a few symbols and Greek letters.
    private static let otherNames: [(String, UInt32)] = [
        ("apos", 0x27), ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160), ("scaron", 0x161), ("Yuml", 0x178),
        ("fnof", 0x192), ("circ", 0x2C6), ("tilde", 0x2DC), ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009),
        ("numsp", 0x2007), ("puncsp", 0x2008), ("hairsp", 0x200A), ("ThinSpace", 0x2009), ("MediumSpace", 0x205F),
        ("NonBreakingSpace", 0xA0), ("ZeroWidthSpace", 0x200B), ("zwnj", 0x200C), ("zwj", 0x200D), ("lrm", 0x200E),
        ("rlm", 0x200F), ("hyphen", 0x2010), ("dash", 0x2010), ("ndash", 0x2013), ("mdash", 0x2014),
        ("horbar", 0x2015), ("lsquo", 0x2018), ("rsquo", 0x2019), ("rsquor", 0x2019), ("sbquo", 0x201A),
        ("lsquor", 0x201A), ("ldquo", 0x201C), ("rdquo", 0x201D), ("rdquor", 0x201D), ("bdquo", 0x201E),
        ("ldquor", 0x201E), ("dagger", 0x2020), ("Dagger", 0x2021), ("bull", 0x2022), ("bullet", 0x2022),
        ("nldr", 0x2025), ("hellip", 0x2026), ("mldr", 0x2026), ("permil", 0x2030), ("prime", 0x2032),
        ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A), ("oline", 0x203E), ("frasl", 0x2044),
        ("euro", 0x20AC), ("trade", 0x2122), ("TRADE", 0x2122), ("copysr", 0x2117), ("larr", 0x2190),
        ("uarr", 0x2191), ("rarr", 0x2192), ("darr", 0x2193), ("harr", 0x2194), ("minus", 0x2212),
        ("infin", 0x221E), ("asymp", 0x2248), ("ne", 0x2260), ("le", 0x2264), ("ge", 0x2265), ("sdot", 0x22C5),
        ("centerdot", 0xB7), ("half", 0xBD), ("star", 0x2606), ("starf", 0x2605), ("check", 0x2713),
        ("Tab", 0x09), ("NewLine", 0x0A), ("excl", 0x21), ("num", 0x23), ("dollar", 0x24), ("percnt", 0x25),
        ("lpar", 0x28), ("rpar", 0x29), ("ast", 0x2A), ("plus", 0x2B), ("comma", 0x2C), ("period", 0x2E),
        ("sol", 0x2F), ("colon", 0x3A), ("semi", 0x3B), ("equals", 0x3D), ("quest", 0x3F), ("commat", 0x40),
        ("lsqb", 0x5B), ("lbrack", 0x5B), ("bsol", 0x5C), ("rsqb", 0x5D), ("rbrack", 0x5D), ("Hat", 0x5E),
        ("lowbar", 0x5F), ("grave", 0x60), ("lcub", 0x7B), ("lbrace", 0x7B), ("verbar", 0x7C), ("vert", 0x7C),
        ("rcub", 0x7D), ("rbrace", 0x7D),
        ("Amacr", 0x100), ("amacr", 0x101), ("Abreve", 0x102), ("abreve", 0x103), ("Aogon", 0x104),
        ("aogon", 0x105), ("Cacute", 0x106), ("cacute", 0x107), ("Ccaron", 0x10C), ("ccaron", 0x10D),
        ("Dcaron", 0x10E), ("dcaron", 0x10F), ("Dstrok", 0x110), ("dstrok", 0x111), ("Emacr", 0x112),
        ("emacr", 0x113), ("Edot", 0x116), ("edot", 0x117), ("Eogon", 0x118), ("eogon", 0x119), ("Ecaron", 0x11A),
        ("ecaron", 0x11B), ("Gbreve", 0x11E), ("gbreve", 0x11F), ("Imacr", 0x12A), ("imacr", 0x12B),
        ("Idot", 0x130), ("imath", 0x131), ("inodot", 0x131), ("Lstrok", 0x141), ("lstrok", 0x142),
        ("Nacute", 0x143), ("nacute", 0x144), ("Ncaron", 0x147), ("ncaron", 0x148), ("Omacr", 0x14C),
        ("omacr", 0x14D), ("Odblac", 0x150), ("odblac", 0x151), ("Rcaron", 0x158), ("rcaron", 0x159),
        ("Sacute", 0x15A), ("sacute", 0x15B), ("Scedil", 0x15E), ("scedil", 0x15F), ("Tcedil", 0x162),
        ("tcedil", 0x163), ("Tcaron", 0x164), ("tcaron", 0x165), ("Umacr", 0x16A), ("umacr", 0x16B),
        ("Uring", 0x16E), ("uring", 0x16F), ("Udblac", 0x170), ("udblac", 0x171), ("Zacute", 0x179),
        ("zacute", 0x17A), ("Zdot", 0x17B), ("zdot", 0x17C), ("Zcaron", 0x17D), ("zcaron", 0x17E),
        ("Alpha", 0x391), ("Beta", 0x392), ("Gamma", 0x393), ("Delta", 0x394), ("Omega", 0x3A9), ("alpha", 0x3B1),
        ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("theta", 0x3B8), ("lambda", 0x3BB), ("mu", 0x3BC),
        ("pi", 0x3C0), ("sigma", 0x3C3), ("omega", 0x3C9),
    ]

    /// Name -> (scalar, whether the name may appear without its semicolon).
    private static let table: [String: (scalar: UInt32, legacy: Bool)] = {
        var t: [String: (UInt32, Bool)] = [:]
        for (k, name) in latin1Names.split(separator: " ").enumerated() { t[String(name)] = (0xA0 + UInt32(k), true) }
        for (name, value) in [("amp", 0x26), ("AMP", 0x26), ("lt", 0x3C), ("LT", 0x3C), ("gt", 0x3E), ("GT", 0x3E),
                              ("quot", 0x22), ("QUOT", 0x22), ("COPY", 0xA9), ("REG", 0xAE)] as [(String, UInt32)] {
            t[name] = (value, true)
        }
        for (name, value) in otherNames { t[name] = (value, false) }
        return t
    }()

    package static let longestName = 16

    /// `bytes[range]` with its character references decoded, appended to `out`. In attribute values a
    /// semicolon-less legacy name followed by `=` stays literal, so query strings like `?a=1&copy=2` survive.
    package static func decode(_ b: [UInt8], _ range: Range<Int>, into out: inout [UInt8], inAttribute: Bool = false) {
        var i = range.lowerBound
        let end = range.upperBound
        var chunk = i
        while i < end {
            guard b[i] == 0x26 else { i += 1; continue }
            if let (scalar, next) = reference(b, at: i, end: end, inAttribute: inAttribute) {
                out.append(contentsOf: b[chunk..<i])
                TextDecoder.appendScalar(scalar, to: &out)
                i = next
                chunk = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: b[chunk..<end])
    }

    /// Convenience for metadata values: decoded and as a String.
    package static func decoded(_ b: [UInt8], _ range: Range<Int>, inAttribute: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        decode(b, range, into: &out, inAttribute: inAttribute)
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference starting with the `&` at `i` and the index after it, or nil when the `&` is literal.
    private static func reference(_ b: [UInt8], at i: Int, end: Int, inAttribute: Bool) -> (Unicode.Scalar, Int)? {
        var k = i + 1
        guard k < end else { return nil }
        if b[k] == 0x23 {
            k += 1
            let hex = k < end && (b[k] | 0x20) == 0x78
            if hex { k += 1 }
            let digitsStart = k
            var value: UInt32 = 0
            while k < end {
                let c = b[k]
                let d: UInt32
                if c &- 0x30 < 10 {
                    d = UInt32(c - 0x30)
                } else if hex && (c | 0x20) &- 0x61 < 6 {
                    d = UInt32((c | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                // Saturate: an absurdly long number is out of range either way.
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                k += 1
            }
            guard k > digitsStart else { return nil }
            if k < end && b[k] == 0x3B { k += 1 }
            return (numericScalar(value), k)
        }
        let nameStart = k
        while k < end, k - nameStart < longestName, HTMLBytes.isAlphanumeric(b[k]) { k += 1 }
        guard k > nameStart else { return nil }
        let name = String(decoding: b[nameStart..<k], as: UTF8.self)
        guard let entry = table[name] else { return nil }
        if k < end && b[k] == 0x3B { return (Unicode.Scalar(entry.scalar)!, k + 1) }
        guard entry.legacy else { return nil }
        if inAttribute && k < end && (b[k] == 0x3D || HTMLBytes.isAlphanumeric(b[k])) { return nil }
        return (Unicode.Scalar(entry.scalar)!, k)
    }

    /// What a browser shows for `&#N;`: C1 controls are read as Windows-1252 (the encoding such pages meant),
    /// and NUL, surrogates and values beyond Unicode become U+FFFD.
    package static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F { return Windows1252.scalar(UInt8(value)) }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
