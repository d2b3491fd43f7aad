/// The string comparisons the scorer uses, in one place so that the report's rules are easy to state.
enum TextMatch {
    /// Runs of whitespace collapsed to one space, ends trimmed.
    static func ws(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func trimmed(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = ws(s)
        return t.isEmpty ? nil : t
    }

    /// Publisher names compared case-insensitively and without a leading "The"
    /// ("The Associated Press" = "Associated Press").
    static func nameKey(_ s: String?) -> String? {
        guard var t = trimmed(s)?.lowercased() else { return nil }
        if t.hasPrefix("the ") { t = String(t.dropFirst(4)) }
        return t
    }

    /// Speakers match when equal, or when one is the other's trailing words ("Dillon" for "Ray Dillon").
    static func sameSpeaker(_ a: String?, _ b: String?) -> Bool {
        guard let x = trimmed(a)?.lowercased(), let y = trimmed(b)?.lowercased() else { return trimmed(a) == trimmed(b) }
        return x == y || x.hasSuffix(" " + y) || y.hasSuffix(" " + x)
    }

    /// A quotation compared without its surrounding quote marks and punctuation (“…,” vs "…").
    static func quoteKey(_ s: String) -> String {
        let strip: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "„", "«", "»", "‹", "›", ",", ".", ":", ";", " ", "\u{a0}"]
        var t = Substring(ws(s))
        while let f = t.first, strip.contains(f) { t = t.dropFirst() }
        while let l = t.last, strip.contains(l) { t = t.dropLast() }
        return t.lowercased()
    }

    /// Whether a boilerplate line of the input shows up in the produced body.
    /// Lines of five or more tokens count when they are a substring of a paragraph; shorter lines
    /// ("Share", "Sign in", a topic tag) only when a paragraph, or a line inside one, is exactly that line,
    /// so that ordinary words in the story do not count as leaks.
    static func leaks(_ line: String, into paragraphs: [String]) -> Bool {
        let l = ws(line)
        if l.isEmpty { return false }
        if TokenF1.tokens(l).count >= 5 {
            return paragraphs.contains { ws($0).contains(l) }
        }
        return paragraphs.contains { p in
            p.split(separator: "\n", omittingEmptySubsequences: true).contains { ws(String($0)) == l }
        }
    }

    /// Shortens a string for one line of a report.
    static func clip(_ s: String, _ n: Int = 90) -> String {
        let t = ws(s)
        return t.count <= n ? t : String(t.prefix(n - 1)) + "…"
    }
}
