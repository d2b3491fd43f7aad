import TextKit

/// Counts sentences well enough to tell a one-sentence standfirst from a multi-sentence paragraph:
/// a boundary is ".", "!" or "?" followed by a space and a capital, unless the word before the dot is an
/// abbreviation or initial ("U.S. Secretary", "Jan. 31", "Mr. Blinken").
enum SentenceCounter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
        "ltd", "co", "corp", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "approx", "ave", "adm", "brig",
    ]

    static func count(_ text: String) -> Int {
        let s = Array(text.unicodeScalars)
        var sentences = 1
        var wordStart = 0
        for i in s.indices {
            if TextFold.isSpace(s[i]) { wordStart = i + 1; continue }
            guard ".!?".unicodeScalars.contains(s[i]) else { continue }
            var j = i + 1
            while j < s.count, "\"'\u{201D}\u{2019})".unicodeScalars.contains(s[j]) { j += 1 }
            guard j + 1 < s.count, TextFold.isSpace(s[j]) else { continue }
            var k = j + 1
            while k < s.count, "\"'\u{201C}\u{2018}(".unicodeScalars.contains(s[k]) { k += 1 }
            guard k < s.count, s[k].properties.isUppercase || s[k].properties.numericType != nil else { continue }
            if s[i] == "." {
                var w = String.UnicodeScalarView()
                w.append(contentsOf: s[wordStart..<i])
                let word = String(w).lowercased()
                if abbreviations.contains(word) || word.count == 1 { continue }
            }
            sentences += 1
        }
        return sentences
    }
}
