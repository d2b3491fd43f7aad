/// The element names the HTML reader treats specially; everything else is `.other` and reads as inline.
/// Interned once per tag so the tree and the extractor compare one byte, not a name.
package enum HTMLTag: UInt8 {
    case other, text
    case html, head, body, title, meta, link, base
    case script, style, template, noscript, iframe, noembed, noframes, xmp, plaintext, textarea
    case svg, math, select, object, video, audio, canvas, map
    case article, main, section, div, p, h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd, menu, dir, blockquote, figure, figcaption, pre, address, center, details, summary
    case table, caption, thead, tbody, tfoot, tr, td, th
    case nav, header, footer, aside, form, fieldset, legend, button, input, label, option, optgroup, dialog
    case br, hr, img, area, col, embed, param, source, track, wbr, keygen, picture
    case a, span, time, small, cite, b, i, em, strong, sup, sub, u, q, abbr, font, mark

    /// Lowercase ASCII tag name packed into 8 bytes -> tag. Names longer than 8 bytes are checked by hand.
    private static let byPackedName: [UInt64: HTMLTag] = {
        var t: [UInt64: HTMLTag] = [:]
        let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("template", .template), ("noscript", .noscript),
            ("iframe", .iframe), ("noembed", .noembed), ("noframes", .noframes), ("xmp", .xmp), ("textarea", .textarea),
            ("svg", .svg), ("math", .math), ("select", .select), ("object", .object), ("video", .video),
            ("audio", .audio), ("canvas", .canvas), ("map", .map), ("article", .article), ("main", .main),
            ("section", .section), ("div", .div), ("p", .p), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4),
            ("h5", .h5), ("h6", .h6), ("hgroup", .hgroup), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl),
            ("dt", .dt), ("dd", .dd), ("menu", .menu), ("dir", .dir), ("figure", .figure), ("pre", .pre),
            ("address", .address), ("center", .center), ("details", .details), ("summary", .summary),
            ("table", .table), ("caption", .caption), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot),
            ("tr", .tr), ("td", .td), ("th", .th), ("nav", .nav), ("header", .header), ("footer", .footer),
            ("aside", .aside), ("form", .form), ("fieldset", .fieldset), ("legend", .legend), ("button", .button),
            ("input", .input), ("label", .label), ("option", .option), ("optgroup", .optgroup), ("dialog", .dialog),
            ("br", .br), ("hr", .hr), ("img", .img), ("area", .area), ("col", .col), ("embed", .embed),
            ("param", .param), ("source", .source), ("track", .track), ("wbr", .wbr), ("keygen", .keygen),
            ("picture", .picture), ("a", .a), ("span", .span), ("time", .time), ("small", .small), ("cite", .cite),
            ("b", .b), ("i", .i), ("em", .em), ("strong", .strong), ("sup", .sup), ("sub", .sub), ("u", .u),
            ("q", .q), ("abbr", .abbr), ("font", .font), ("mark", .mark),
        ]
        for (name, tag) in names { t[pack(Array(name.utf8)[...])] = tag }
        return t
    }()

    @inline(__always)
    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b | 0x20) }
        return v
    }

    /// The tag named by `bytes[range]`, compared without regard to ASCII case.
    package static func named(_ bytes: [UInt8], _ range: Range<Int>) -> HTMLTag {
        let n = range.count
        if n <= 8 {
            var v: UInt64 = 0
            for k in range {
                let b = bytes[k]
                v = v << 8 | UInt64(b &- 0x41 < 26 ? b | 0x20 : b)
            }
            return byPackedName[v] ?? .other
        }
        if HTMLBytes.equalsLowercased(bytes, range, "blockquote") { return .blockquote }
        if HTMLBytes.equalsLowercased(bytes, range, "figcaption") { return .figcaption }
        if HTMLBytes.equalsLowercased(bytes, range, "plaintext") { return .plaintext }
        return .other
    }

    /// Elements that never have content or an end tag.
    package var isVoid: Bool {
        switch self {
        case .meta, .link, .base, .br, .hr, .img, .area, .col, .embed, .param, .source, .track, .wbr, .keygen, .input:
            return true
        default:
            return false
        }
    }

    /// Content the tokenizer skips as raw text up to the matching end tag (`<script>` bodies, `<noscript>`
    /// fallbacks as a scripting browser sees them).
    package var isRawText: Bool {
        switch self {
        case .script, .style, .noscript, .iframe, .noembed, .noframes, .xmp, .textarea, .title: return true
        default: return false
        }
    }

    /// Elements whose whole subtree is never page text: inert templates, drawings, form widgets, players.
    package var isIgnoredSubtree: Bool {
        switch self {
        case .template, .svg, .math, .select, .object, .video, .audio, .canvas, .map: return true
        default: return false
        }
    }

    /// Elements that start a new line of text when rendered.
    package var isBlock: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .div, .p, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li,
             .dl, .dt, .dd, .menu, .dir, .blockquote, .figure, .figcaption, .pre, .address, .center, .details, .summary,
             .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th, .nav, .header, .footer, .aside, .form,
             .fieldset, .legend, .option, .dialog, .hr, .picture:
            return true
        default:
            return false
        }
    }

    /// Block starts that close an open `<p>`, as the HTML parser does when authors forget `</p>`.
    package var closesParagraph: Bool {
        switch self {
        case .p, .div, .article, .main, .section, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .dl, .menu, .dir,
             .blockquote, .figure, .figcaption, .pre, .address, .center, .details, .summary, .table, .nav, .header,
             .footer, .aside, .form, .fieldset, .hr, .dialog:
            return true
        default:
            return false
        }
    }

    package var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}
