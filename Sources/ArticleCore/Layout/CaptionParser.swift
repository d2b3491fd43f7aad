import Foundation
import TextKit

/// Recognises photo captions by the credit they end with, and splits the credit off:
/// "... (AP Photo/Bernat Armangue)", "... (Anatolii Stepanov/AFP)", "... Photo by Alex Traiman.",
/// "... Photograph: Reuters", "... Credit: Getty Images".
enum CaptionParser {
    /// Words that make a trailing parenthesis a photo credit.
    static let creditWords: [String] = [
        "photo", "photos", "photograph", "image", "images", "credit", "courtesy", "getty", "afp", "ap", "reuters",
        "epa", "efe", "flash90", "gpo", "shutterstock", "pool", "anadolu", "xinhua", "tass", "ria novosti",
        "sputnik", "handout", "screenshot", "screen capture", "via", "idf", "jns", "wikimedia", "wikipedia",
        "istock", "alamy", "bloomberg", "sipa", "zuma", "abaca", "imago", "dpa", "ansa", "unsplash",
    ]

    /// Labels that introduce a credit inside a caption line.
    static let labels: [String] = [
        "Photo credit:", "Photo by", "Photos by", "Photo courtesy of", "Photograph by", "Photograph:", "Photographs:",
        "Photo:", "Photos:", "Picture:", "Pictures:", "Image:", "Images:", "Credit:", "Illustration:", "Pic:",
        "Image credit:", "Picture credit:", "Foto:", "Bild:", "Credit...", "Crédit :", "Crédit:", "Fotografía:",
    ]

    static let labelBytes: [[UInt8]] = labels.map { Array($0.utf8) }
    /// The first bytes of `labels`.
    static let labelOpenings: [Bool] = {
        var openings = [Bool](repeating: false, count: 256)
        for label in labelBytes { openings[Int(label[0])] = true }
        return openings
    }()

    /// Link widgets some sites print after a photo credit ("Purchase Licensing Rights, opens new tab").
    static let widgets = ["Purchase Licensing Rights, opens new tab", "Purchase Licensing Rights"]

    /// Labels `labelBytes[labelGroups[b]]` open with byte b.
    static let labelGroups: [[Int]] = {
        var groups = [[Int]](repeating: [], count: 256)
        for (k, label) in labelBytes.enumerated() { groups[Int(label[0])].append(k) }
        return groups
    }()

    /// `ByteSearch.found(labelBytes, in: text)`, with the labels grouped by first byte once instead of per line.
    static func presentLabels(_ text: String) -> [Bool] {
        var found = [Bool](repeating: false, count: labelBytes.count)
        let openings = labelOpenings, groups = labelGroups, labels = labelBytes
        var text = text
        text.withUTF8 { hay in
            for i in hay.indices where openings[Int(hay[i])] {
                for k in groups[Int(hay[i])] where !found[k] && labels[k].count <= hay.count - i {
                    let label = labels[k]
                    var j = 1
                    while j < label.count && hay[i + j] == label[j] { j += 1 }
                    if j == label.count { found[k] = true }
                }
            }
        }
        return found
    }

    static func strippingWidgets(_ text: String) -> String {
        for w in widgets where text.hasSuffix(w) && text.utf8.count > w.utf8.count + 10 {
            return String(text.dropLast(w.count)).trimmingSpaces
        }
        return text
    }

    static func parse(_ text: String) -> Caption? {
        guard text.utf8.count <= 800 else { return nil }
        if let c = parenthesizedCredit(text) ?? labelledCredit(text) ?? trailingCredit(text) { return c }
        return nil
    }

    /// The whole line is only a credit ("Photo: Getty Images", "(AP Photo/Maya Alleruzzo)").
    static func creditOnly(_ text: String) -> String? {
        if text.hasPrefix("("), text.hasSuffix(")"), !text.dropFirst().contains("("),
           let credit = creditInParens(String(text.dropFirst().dropLast())) {
            return credit
        }
        // Every label opens with an ASCII letter, which only that letter's Character can equal: lines
        // opening with another byte skip the label loop (24 Character prefix tests per line).
        guard let opening = text.utf8.first, labelOpenings[Int(opening)] else { return nil }
        for label in labels where text.hasPrefix(label) {
            let rest = cleanCredit(String(text.dropFirst(label.count)))
            if !rest.isEmpty && TextFold.wordCount(rest) <= 8 { return rest }
        }
        return nil
    }

    /// A credit after the caption's last sentence without any label: "… 2024. REUTERS/Stringer",
    /// "… 21 mars 2024. IDRISS BENALI / AFP". It must contain a slash and be all capitalised words.
    private static func trailingCredit(_ text: String) -> Caption? {
        guard let dot = ByteSearch.lastRange(text, [0x2E, 0x20]) else { return nil }
        let tail = text[dot.upperBound...].trimmingSpaces
        let slash = tail.plainContains("/")
        // "… el pasado octubre. Claudio Álvarez": a photographer's bare name closing the caption. The body
        // is copied only for a tail that may be a credit: most lines end in a sentence.
        if !slash {
            guard PageLayout.isBareName(tail) else { return nil }
            let body = text[..<dot.upperBound].trimmingSpaces
            let words = TextFold.wordCount(body)
            return words >= 5 && words <= 60 ? Caption(text: body, credit: tail) : nil
        }
        let body = text[..<dot.upperBound].trimmingSpaces
        // Split only what may be a credit: the tail is most often the paragraph's last sentence.
        let words = tail.split(separator: " ")
        guard (1...8).contains(words.count),
              words.allSatisfy({ $0 == "/" || $0.first?.isUppercase == true || SpeechWords.nameParticles.contains(String($0)) })
        else { return nil }
        guard TextFold.wordCount(body) >= 3, TextFold.wordCount(body) <= 80 else { return nil }
        return Caption(text: body, credit: tail)
    }

    private static func parenthesizedCredit(_ text: String) -> Caption? {
        var trimmed = Substring(text)
        // "." and ")" are Characters only by themselves: a line whose last byte is neither cannot end in them.
        if trimmed.utf8.last == 0x2E, trimmed.hasSuffix(".") { trimmed.removeLastCharacter() }
        guard trimmed.utf8.last == 0x29, trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        guard var credit = creditInParens(inner) else { return nil }
        var body = trimCaptionText(trimmed[..<open])
        // "… el 10 de febrero. Albert García (EFE)": the photographer's name precedes the agency.
        if !inner.plainContains("/"), let dot = body.plainRange(of: ". ", backwards: true) {
            let name = String(body[dot.upperBound...])
            if BylineParser.isName(name), name.split(separator: " ").count <= 4 {
                credit = name + " (" + inner + ")"
                body = String(body[..<dot.upperBound]).trimmingSpaces
            }
        }
        guard TextFold.wordCount(body) >= 3, TextFold.wordCount(body) <= 80 else { return nil }
        return Caption(text: body, credit: credit)
    }

    private static func creditInParens(_ inner: String) -> String? {
        let words = TextFold.wordCount(inner)
        guard words >= 1, words <= 10 else { return nil }
        let folded = PhraseMatcher.Haystack(inner)
        let slash = inner.plainContains("/")
        guard slash || creditWords.contains(where: { folded.contains($0) }) else { return nil }
        if slash {
            // "Name/Agency": every part starts with a capital, as names and agencies do.
            let parts = inner.split(separator: "/").map { $0.trimmingSpaces }
            guard parts.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true }) else { return nil }
        } else if inner.first?.isUppercase != true {
            return nil
        }
        let cleaned = cleanCredit(inner)
        return cleaned.isEmpty ? nil : cleaned
    }

    private static func labelledCredit(_ text: String) -> Caption? {
        let present = presentLabels(text)
        for (k, label) in labels.enumerated() where present[k] {
            var searchEnd = text.endIndex
            while let r = text.range(of: label, options: .backwards, range: text.startIndex..<searchEnd) {
                searchEnd = r.lowerBound
                guard r.lowerBound > text.startIndex else { break }
                let before = text[..<r.lowerBound]
                guard before.last == " " || before.last == "|" || label == "Credit..." else { continue }
                let credit = cleanCredit(String(text[r.upperBound...]))
                let body = trimCaptionText(before)
                guard !credit.isEmpty, TextFold.wordCount(credit) <= 8, !credit.plainContains(". "),
                      TextFold.wordCount(body) >= 3, TextFold.wordCount(body) <= 80 else { break }
                // "Photo by X" must start a sentence; "Photograph: X" may follow the caption directly.
                if label.hasSuffix(" by") || label.hasSuffix(" of") {
                    let end = body.last
                    guard end == "." || end == "!" || end == "?" || end == ")" || end == "\u{201D}" else { break }
                }
                return Caption(text: body, credit: credit)
            }
        }
        return nil
    }

    static func cleanCredit(_ raw: String) -> String {
        var s = raw.trimmingSpaces
        for label in labels where s.hasPrefix(label) {
            s = String(s.dropFirst(label.count)).trimmingSpaces
            break
        }
        while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
        return s.trimmingSpaces
    }

    static func trimCaptionText(_ s: Substring) -> String {
        var t = String(s).trimmingSpaces
        while let last = t.last, last == "|" || last == "-" || last == "\u{2013}" || last == "\u{2014}" || last == "," {
            t.removeLast()
            t = t.trimmingSpaces
        }
        return t
    }
}
