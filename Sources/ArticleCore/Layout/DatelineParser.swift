import Foundation
import TextKit

/// The dateline opening a wire story: "KYIV, March 3 (Reuters) - ", "JERUSALEM (AP) — ",
/// "TEL AVIV, Israel, May 16, 2022 (AFP) – ". The place must be in capitals: mixed-case openings
/// ("Earlier, ...") are prose.
enum DatelineParser {
    struct Dateline: Equatable {
        var place: String
        /// "Reuters", "AP", … from the parenthesis, when given.
        var agency: String?
        var date: SimpleDate?
        var monthDay: (month: Int, day: Int)?
        /// The paragraph without its dateline.
        var rest: String

        static func == (a: Dateline, b: Dateline) -> Bool {
            a.place == b.place && a.agency == b.agency && a.date == b.date && a.rest == b.rest
        }
    }

    static let dashes: [String] = [" - ", " \u{2013} ", " \u{2014} ", "\u{2014}", " -- "]

    static func parse(_ paragraph: String) -> Dateline? {
        // The dateline sits in the first ~120 characters; a dash further in belongs to the prose.
        let head = paragraph.prefix(160)
        var best: Range<String.Index>?
        for dash in dashes {
            if let r = head.plainRange(of: dash), best == nil || r.lowerBound < best!.lowerBound { best = r }
        }
        guard let dash = best else { return nil }
        var lead = String(paragraph[..<dash.lowerBound]).trimmingSpaces
        let rest = String(paragraph[dash.upperBound...]).trimmingSpaces
        guard !lead.isEmpty, let firstRest = rest.first, firstRest.isUppercase || firstRest.isNumber
            || "\"\u{201C}'\u{2018}".contains(firstRest) else { return nil }
        var agency: String?
        if lead.hasSuffix(")"), let open = lead.lastIndex(of: "(") {
            let inner = String(lead[lead.index(after: open)..<lead.index(before: lead.endIndex)]).trimmingSpaces
            guard TextFold.wordCount(inner) <= 4, inner.first?.isLetter == true else { return nil }
            agency = inner
            lead = String(lead[..<open]).trimmingSpaces
        }
        let parts = lead.split(separator: ",").map { $0.trimmingSpaces }
        // Mixed-case places only with a wire tag: "Hamburg (dpa) - ".
        guard let placePart = parts.first, isCapitalPlace(placePart) || (agency != nil && isNamePlace(placePart))
        else { return nil }
        // What follows the place must be a date or more place ("Ukraine"), nothing sentence-like.
        for part in parts.dropFirst() {
            let words = part.split(separator: " ")
            guard words.count <= 4, words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true })
            else { return nil }
        }
        let tail = parts.dropFirst().joined(separator: ", ")
        // "CALDWELL, Ohio": place parts that are not the date belong to the place.
        let placeParts = [placePart] + parts.dropFirst().filter { DateScanner.monthDay(in: $0) == nil && !$0.contains(where: \.isNumber) }
        return Dateline(place: placeParts.joined(separator: ", "), agency: agency, date: DateScanner.dates(in: tail).first,
                        monthDay: DateScanner.monthDay(in: tail), rest: rest)
    }

    static func isNamePlace(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    static func isCapitalPlace(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        var letters = 0
        for scalar in s.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isAlphabetic { letters += 1 }
            else if !" .-'\u{2019}".unicodeScalars.contains(scalar) { return false }
        }
        return letters >= 2
    }
}
