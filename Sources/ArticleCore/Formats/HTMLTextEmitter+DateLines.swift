import HTMLKit

extension HTMLTextEmitter {
    /// Words a date line prints between its `<time>` elements: "Tue 14 May 2024 · Updated Wed 15 May 2024",
    /// "Published … | Last modified …", "Publié le … , modifié le …". Separators count as words.
    static let dateLineWords: Set<String> = [
        "updated", "update", "published", "posted", "last", "modified", "first", "on", "at",
        "publié", "modifié", "mis", "à", "jour", "le", "actualizado", "publicado", "el", "aktualisiert",
        "veröffentlicht", "stand", "am", "um", "\u{00B7}", "\u{2013}", "\u{2014}", "\u{2022}",
    ]

    /// Whether `line` is its `<time>` elements (at `timeSpans`) and nothing else but `dateLineWords` and
    /// punctuation: a date box, which the metadata already states. A digit or any other word outside the
    /// times makes it prose ("announced <time>last November</time>, officials said").
    static func isDateLine(_ line: [UInt8], timeSpans lineTimeSpans: [Range<Int>]) -> Bool {
        var span = 0
        var k = 0
        var word: [UInt8] = []
        func wordIsDateWord() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            return word.isEmpty || Self.dateLineWords.contains(String(decoding: word, as: UTF8.self))
        }
        while k < line.count {
            if span < lineTimeSpans.count, k >= lineTimeSpans[span].lowerBound {
                if !wordIsDateWord() { return false }
                k = max(k, lineTimeSpans[span].upperBound)
                span += 1
                continue
            }
            let b = line[k]
            if HTMLBytes.isLetter(b) || b >= 0x80 {
                word.append(HTMLBytes.lower(b))
            } else if b &- 0x30 < 10 {
                return false
            } else if !wordIsDateWord() {
                return false
            }
            k += 1
        }
        return wordIsDateWord()
    }
}
