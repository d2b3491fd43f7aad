import TextKit

/// A space-separated word of a paragraph, with its punctuation peeled off, for the attribution rules.
struct WordToken {
    /// The word without surrounding quotes, brackets and punctuation.
    let core: String
    let lower: String
    /// Scalar offsets of the raw token in its paragraph.
    var start: Int
    var end: Int
    /// A comma, colon, semicolon or sentence end follows the word.
    var breakAfter: Bool
    var endsSentence: Bool
    /// The first letter is upper case; asked of every token several times, so computed once.
    let isCapitalized: Bool
    /// `core` ends in "’s" (the tokenizer turns "'s" into "’s").
    let isPossessive: Bool
    /// The attribution vocabularies the word is in (`SpeechWords.membership`).
    let membership: SpeechWords.Membership

    init(core: String, lower: String, start: Int, end: Int, breakAfter: Bool, endsSentence: Bool, isPossessive: Bool) {
        self.core = core
        self.lower = lower
        self.start = start
        self.end = end
        self.breakAfter = breakAfter
        self.endsSentence = endsSentence
        if let first = core.utf8.first, first < 0x80 {
            isCapitalized = first &- 0x41 < 26
        } else {
            isCapitalized = core.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        }
        self.isPossessive = isPossessive
        membership = SpeechWords.membership(lower: lower)
    }

    @inline(__always)
    func isIn(_ m: SpeechWords.Membership) -> Bool { !membership.isDisjoint(with: m) }

    // Switches rather than Sets of scalars: these are asked at both ends of every token.
    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "\u{201C}", "\u{201E}", "\u{00AB}", "(", "[", "'", "\u{2018}": return true
        default: return false
        }
    }

    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "\u{201D}", "\u{00BB}", ")", "]", "'", "\u{2019}": return true
        default: return false
        }
    }

    /// Tokens of `s[range]`.
    static func tokens(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [WordToken] {
        var out: [WordToken] = []
        out.reserveCapacity(range.count / 5)
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound && TextFold.isSpace(s[i]) { i += 1 }
            guard i < range.upperBound else { break }
            let start = i
            while i < range.upperBound && !TextFold.isSpace(s[i]) { i += 1 }
            var a = start, b = i
            while a < b && isOpener(s[a]) { a += 1 }
            var breakAfter = false, endsSentence = false
            while b > a {
                let c = s[b - 1]
                if isCloser(c) { b -= 1; continue }
                if c == "," || c == ";" || c == ":" { breakAfter = true; b -= 1; continue }
                if c == "." || c == "!" || c == "?" || c == "\u{2026}" {
                    b -= 1
                    // "Mr.", "Dr.", "U.S." and initials keep the name or sentence going.
                    let w = String(scalars: s[a..<b]).lowercased()
                    if c == "." && (SentenceCounter.abbreviations.contains(w) || w.count == 1) { break }
                    breakAfter = true; endsSentence = true; continue
                }
                break
            }
            guard a < b else { continue }
            // "Blinken’s" is about Blinken, not by him. Read on the scalars: a String test per token cost
            // more than the rest of the tokenizer.
            let possessive = b - a >= 2 && s[b - 1] == "s" && (s[b - 2] == "\u{2019}" || s[b - 2] == "'")
            let word: String, lower: String
            if possessive {
                word = String(scalars: s[a..<(b - 2)]) + "\u{2019}s"
                lower = word.lowercased()
            } else {
                (word, lower) = coreAndLower(s[a..<b])
            }
            out.append(WordToken(core: word, lower: lower, start: start, end: i,
                                 breakAfter: breakAfter, endsSentence: endsSentence, isPossessive: possessive))
        }
        return out
    }

    /// The word and its `lowercased()`. ASCII words, nearly all of them, are lowercased byte by byte, and an
    /// already lowercase one shares its string; others take the Unicode mapping.
    static func coreAndLower(_ scalars: ArraySlice<Unicode.Scalar>) -> (String, String) {
        var upper = false
        for scalar in scalars {
            let v = scalar.value
            if v >= 0x80 {
                let word = String(scalars: scalars)
                return (word, word.lowercased())
            }
            if v &- 0x41 < 26 { upper = true }
        }
        let word = String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (n, scalar) in scalars.enumerated() { buffer[n] = UInt8(truncatingIfNeeded: scalar.value) }
            return scalars.count
        }
        guard upper else { return (word, word) }
        let lower = String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (n, scalar) in scalars.enumerated() {
                let b = UInt8(truncatingIfNeeded: scalar.value)
                buffer[n] = b &- 0x41 < 26 ? b | 0x20 : b
            }
            return scalars.count
        }
        return (word, lower)
    }
}
