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
        self.text = text
        self.block = block
        self.line = line
        self.words = TextFold.wordCount(text)
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
        ((words >= 15 && endsLikeSentence) || words >= 30) && !isTitleCase
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
        var long = 0, capitalised = 0
        for word in text.split(separator: " ") where word.count >= 4 {
            long += 1
            if word.first?.isUppercase == true { capitalised += 1 }
        }
        return long >= 3 && capitalised * 5 >= long * 4
    }
}
