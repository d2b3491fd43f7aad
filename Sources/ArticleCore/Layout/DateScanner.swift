/// Finds calendar dates written out in English prose and page chrome: "May 16, 2022", "Jan. 31, 2023",
/// "16 May 2022", "Mon 6 Mar 2023", "2022-05-16". Works on word tokens, so it is linear in the text.
enum DateScanner {
    struct Token {
        var text: Substring
        var lower: String
        /// The characters between the previous token and this one.
        var gap: Substring
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        // French, German, Spanish.
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
        "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
        "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
    ]
    /// Filler between the parts of a date: "13 de febrero de 2024", "le 27 mars".
    static let fillers: Set<String> = ["de", "del", "of", "the"]

    /// Every full date (with year) in `text`, in order of appearance.
    static func dates(in text: some StringProtocol) -> [SimpleDate] {
        guard mayHoldYear(text) else { return [] }
        let tokens = tokenize(text).filter { !fillers.contains($0.lower) }
        var found: [SimpleDate] = []
        var i = 0
        while i < tokens.count {
            if let (date, used) = date(at: i, in: tokens) {
                found.append(date)
                i += used
            } else {
                i += 1
            }
        }
        return found
    }

    /// A month and day without a year ("March 3" in "KYIV, March 3 (Reuters) -").
    static func monthDay(in text: some StringProtocol) -> (month: Int, day: Int)? {
        let tokens = tokenize(text)
        for i in tokens.indices {
            guard let m = month(tokens[i]) else { continue }
            if i + 1 < tokens.count, let d = day(tokens[i + 1]), isDateGap(tokens[i + 1].gap) { return (m, d) }
            if i > 0, let d = day(tokens[i - 1]), isDateGap(tokens[i].gap) { return (m, d) }
        }
        return nil
    }

    static func date(at i: Int, in t: [Token]) -> (SimpleDate, Int)? {
        func has(_ k: Int) -> Bool { k < t.count }
        // 2022-05-16
        if let y = year(t[i]), has(i + 2), t[i + 1].gap == "-", t[i + 2].gap == "-",
           t[i + 1].text.count <= 2, case let dd = t[i + 2].text.prefix(while: { $0.isNumber }), dd.count <= 2,
           let m = Int(t[i + 1].text), let d = Int(dd),
           let date = SimpleDate(year: y, month: m, day: d) {
            return (date, 3)
        }
        // 16.04.2024 / 16/04/2024 (day first, as outside the US)
        if let d = day(t[i]), has(i + 2), t[i + 1].gap == "." || t[i + 1].gap == "/", t[i + 2].gap == t[i + 1].gap,
           t[i + 1].text.count <= 2, let m = Int(t[i + 1].text), let y = year(t[i + 2]),
           let date = SimpleDate(year: y, month: m, day: d) {
            return (date, 3)
        }
        // May 16, 2022 / Jan. 31, 2023
        if let m = month(t[i]), has(i + 2), let d = day(t[i + 1]), isDateGap(t[i + 1].gap),
           let y = year(t[i + 2]), isDateGap(t[i + 2].gap), let date = SimpleDate(year: y, month: m, day: d) {
            return (date, 3)
        }
        // 16 May 2022
        if let d = day(t[i]), has(i + 2), let m = month(t[i + 1]), isDateGap(t[i + 1].gap),
           let y = year(t[i + 2]), isDateGap(t[i + 2].gap), let date = SimpleDate(year: y, month: m, day: d) {
            return (date, 3)
        }
        return nil
    }

    /// Whether `text` has four ASCII digits in a row, as every full date's year token does. Most lines
    /// have none, and tokenizing them for nothing was a tenth of a normalization.
    static func mayHoldYear(_ text: some StringProtocol) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte &- 0x30 < 10 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    static func isDateGap(_ gap: Substring) -> Bool {
        gap.count <= 3 && gap.allSatisfy { $0 == " " || $0 == "," || $0 == "." }
    }

    static func month(_ t: Token) -> Int? {
        // Month names are 3 to 10 bytes, and an ASCII word equals only the same bytes: most words are
        // rejected on their length without hashing them.
        let n = t.lower.utf8.count
        if n < 3 || n > 10, t.lower.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        return months[t.lower]
    }

    static func day(_ t: Token) -> Int? {
        // Tokens are letters and digits only, so `Int` can parse nothing that does not open with an ASCII
        // digit; most tokens are words, rejected here before the suffix strings are built.
        guard let first = t.lower.utf8.first, first &- 0x30 < 10 else { return nil }
        var s = t.lower[...]
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) {
            s = s.dropLast(2)
            break
        }
        guard s.count <= 2, let d = Int(s), (1...31).contains(d) else { return nil }
        return d
    }

    /// Also "20245" from "March 3, 20245:42 AM", where a page glued the year to the time.
    static func year(_ t: Token) -> Int? {
        guard let first = t.text.utf8.first, first &- 0x30 < 10 else { return nil }
        guard (4...6).contains(t.text.count), t.text.allSatisfy(\.isASCII), let y = Int(t.text.prefix(4)),
              t.text.allSatisfy(\.isNumber), (1900...2199).contains(y) else { return nil }
        return y
    }

    static func tokenize(_ text: some StringProtocol) -> [Token] {
        var tokens: [Token] = []
        var gapStart = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text.unicodeScalars[i]
            if isTokenScalar(c) {
                var j = text.unicodeScalars.index(after: i)
                while j < text.endIndex && isTokenScalar(text.unicodeScalars[j]) { j = text.unicodeScalars.index(after: j) }
                let word = Substring(text[i..<j])
                tokens.append(Token(text: word, lower: word.lowercased(), gap: Substring(text[gapStart..<i])))
                gapStart = j
                i = j
            } else {
                i = text.unicodeScalars.index(after: i)
            }
        }
        return tokens
    }

    @inline(__always)
    static func isTokenScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return c.properties.isAlphabetic
    }
}
