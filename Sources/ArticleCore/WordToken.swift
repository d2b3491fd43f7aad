/// A space-separated word of a paragraph, with its punctuation peeled off, for the attribution rules.
struct WordToken {
    /// The word without surrounding quotes, brackets and punctuation.
    var core: String
    var lower: String
    /// Scalar offsets of the raw token in its paragraph.
    var start: Int
    var end: Int
    /// A comma, colon, semicolon or sentence end follows the word.
    var breakAfter: Bool
    var endsSentence: Bool

    var isCapitalized: Bool { core.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }

    static let openers: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201E}", "\u{00AB}", "(", "[", "'", "\u{2018}"]
    static let closers: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{00BB}", ")", "]", "'", "\u{2019}"]

    /// Tokens of `s[range]`.
    static func tokens(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [WordToken] {
        var out: [WordToken] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound && TextFold.isSpace(s[i]) { i += 1 }
            guard i < range.upperBound else { break }
            let start = i
            while i < range.upperBound && !TextFold.isSpace(s[i]) { i += 1 }
            var a = start, b = i
            while a < b && openers.contains(s[a]) { a += 1 }
            var breakAfter = false, endsSentence = false
            while b > a {
                let c = s[b - 1]
                if closers.contains(c) { b -= 1; continue }
                if c == "," || c == ";" || c == ":" { breakAfter = true; b -= 1; continue }
                if c == "." || c == "!" || c == "?" || c == "\u{2026}" {
                    b -= 1
                    // "Mr.", "Dr.", "U.S." and initials keep the name or sentence going.
                    var word = String.UnicodeScalarView()
                    word.append(contentsOf: s[a..<b])
                    let w = String(word).lowercased()
                    if c == "." && (SentenceCounter.abbreviations.contains(w) || w.count == 1) { break }
                    breakAfter = true; endsSentence = true; continue
                }
                break
            }
            guard a < b else { continue }
            var core = String.UnicodeScalarView()
            core.append(contentsOf: s[a..<b])
            var word = String(core)
            // "Blinken’s" is about Blinken, not by him.
            if word.hasSuffix("\u{2019}s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) + "\u{2019}s" }
            out.append(WordToken(core: word, lower: word.lowercased(), start: start, end: i,
                                 breakAfter: breakAfter, endsSentence: endsSentence))
        }
        return out
    }
}
