import TextKit

/// One line of copied page text (or one re-joined hard-wrapped paragraph), with what the rules decided it is.
struct TextUnit {
    enum Role: Equatable {
        case undecided, body, title, kicker, dek, caption, byline, dateLine, boilerplate, navigation
        /// A caption seen before; kept once, dropped silently.
        case repeatedCaption
    }

    var text: String
    /// Index of the blank-line-separated block the line came from.
    var block: Int
    /// 1-based line in the decoded text.
    var line: Int
    var words: Int
    var role: Role = .undecided
    /// Set when a boilerplate phrase list matched.
    var isBoilerplate = false
    var caption: Caption?

    init(text: String, block: Int, line: Int) {
        self.init(text: text, block: block, line: line, words: TextFold.wordCount(text))
    }

    /// `words` must be `TextFold.wordCount(text)`, counted by a caller that already read the bytes.
    init(text: String, block: Int, line: Int, words: Int) {
        self.text = text
        self.block = block
        self.line = line
        self.words = words
    }

    /// Ends like a sentence: ".", "!", "?", "…", possibly followed by a closing quote or bracket.
    var endsLikeSentence: Bool {
        var it = text.unicodeScalars.reversed().makeIterator()
        while let c = it.next() {
            switch c {
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{00BB}": continue
            case ".", "!", "?", "\u{2026}": return true
            default: return false
            }
        }
        return false
    }

    /// Long, finished sentences: what an article body is made of (and page chrome is not).
    var isProse: Bool {
        Self.isProse(words: words, endsLikeSentence: endsLikeSentence, isTitleCase: isTitleCase)
    }

    /// `isProse` from its parts, for callers that already hold them.
    static func isProse(words: Int, endsLikeSentence: @autoclosure () -> Bool, isTitleCase: @autoclosure () -> Bool) -> Bool {
        ((words >= 15 && endsLikeSentence()) || words >= 30) && !isTitleCase()
    }

    /// Short, no full stop: the shape of headlines, labels and menu entries. Title-case lines count even
    /// with a full stop ("A Suburb Said No to Apartments for 50 Years. Then It Ran Out of Teachers.").
    var isHeadlineShaped: Bool {
        guard words >= 1, words <= 30, text.utf8.count <= 300 else { return false }
        let last = text.unicodeScalars.last
        return last != "." && last != ":" && last != "," && last != ";"
            || (last == "." && text.hasSuffix("..."))
            || (last == "." && isTitleCase)
    }

    /// Most longer words capitalised, as in headlines set in title case.
    var isTitleCase: Bool {
        guard words >= 4, words <= 30 else { return false }
        var text = text
        let counts = text.withUTF8(Self.plainTitleCaseCounts) ?? Self.titleCaseCounts(text)
        return counts.long >= 3 && counts.capitalised * 5 >= counts.long * 4
    }

    /// Words of four or more characters, and how many of them start with a capital.
    static func titleCaseCounts(_ text: String) -> (long: Int, capitalised: Int) {
        var long = 0, capitalised = 0
        for word in text.split(separator: " ") where word.count >= 4 {
            long += 1
            if word.first?.isUppercase == true { capitalised += 1 }
        }
        return (long, capitalised)
    }

    /// `titleCaseCounts` on the bytes of `PlainText`, where every scalar is a Character and a space byte
    /// is a separator of its own (the Character split cost more than the rest of the line's features);
    /// nil for other text.
    static func plainTitleCaseCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (long: Int, capitalised: Int)? {
        var long = 0, capitalised = 0
        var length = 0, startsUpper = false
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x20 {
                if length >= 4 { long += 1; if startsUpper { capitalised += 1 } }
                length = 0
                i += 1
                continue
            }
            let b = bytes[i]
            let upper: Bool
            if b < 0x80 {
                // CR LF is one Character.
                if b == 0x0A && i > 0 && bytes[i - 1] == 0x0D { i += 1; continue }
                upper = b >= 0x41 && b <= 0x5A
                i += 1
            } else {
                let scalar = TextFold.decodeScalar(bytes, at: &i)
                guard PlainText.isPlain(scalar.value) else { return nil }
                upper = length == 0 && scalar.properties.isUppercase
            }
            if length == 0 { startsUpper = upper }
            length += 1
        }
        return (long, capitalised)
    }
}
