import Foundation
import TextKit

/// Reads author names out of byline and credit lines: "By A and B", "By A, Reuters", "By A in Kyiv |
/// March 3, 2023", "Reporting by A; Additional reporting by B; Editing by C" (editors are not authors).
enum BylineParser {
    /// Only reporters are authors; "Additional reporting", "Writing" and "Editing" credits are not.
    static let authorRoles = ["reporting by", "written by", "words by", "reported by", "story by", "text by"]
    /// Byline openers in the languages of the inbox.
    static let openers = ["by ", "par ", "von ", "por ", "posted by ", "written by ", "words by ", "story by ",
                          "author: ", "authors: ", "autor: ", "auteur : ", "auteur: "]
    static let otherRoles = ["editing by", "edited by", "graphics by", "photos by", "photography by",
                             "video by", "produced by", "illustrations by", "translated by", "fact-checking by"]
    /// Not people: wire services, desks and job titles that share a byline with names.
    static let notNames: Set<String> = [
        "reuters", "ap", "associated press", "the associated press", "afp", "cnn", "bbc", "bbc news", "jns",
        "staff", "staff writer", "staff reporter", "staff and agencies", "agencies", "and agencies",
        "correspondent", "senior correspondent", "news desk", "editor", "editors", "the editors", "toi staff",
        "jta", "dpa", "bloomberg", "tass", "the times of israel", "times of israel", "jns staff", "reporter",
        "contributor", "special correspondent", "foreign correspondent", "political correspondent",
    ]
    static let particles: Set<String> = ["de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le",
                                         "al", "el", "bin", "ibn", "du", "dos", "ter", "ben", "st.", "y"]

    static func startsWithOpener(_ line: String) -> Bool {
        let lower = line.prefix(12).lowercased()
        return openers.contains { lower.hasPrefix($0) }
    }

    /// Names in a byline line, or nil when the line is not a byline.
    static func authors(in line: String) -> [String]? {
        guard line.utf8.count <= 300 else { return nil }
        let lower = line.lowercased()
        for opener in openers where lower.hasPrefix(opener) {
            let rest = String(line.dropFirst(opener.count)).trimmingSpaces
            // "By signing up you agree…" is prose; a byline goes straight to a capitalised name.
            guard rest.first?.isUppercase == true else { return nil }
            let names = names(in: cutAtMetadata(rest))
            return names.isEmpty ? nil : names
        }
        if authorRoles.contains(where: { lower.hasPrefix($0) }) || otherRoles.contains(where: { lower.hasPrefix($0) }) {
            var found: [String] = []
            for segment in line.split(separator: ";") {
                let seg = segment.trimmingSpaces
                let segLower = seg.lowercased()
                guard let role = authorRoles.first(where: { segLower.hasPrefix($0) }) else { continue }
                found += names(in: String(seg.dropFirst(role.count)))
            }
            return found
        }
        return nil
    }

    /// Drops what follows the names: " | date", " - date", "Published …", "Updated …".
    static func cutAtMetadata(_ s: String) -> String {
        var cut = s[...]
        for sep in [" | ", " \u{2022} ", " \u{00B7} ", " - ", " \u{2013} ", " \u{2014} ", "Published", "Updated", "  ", " on ",
                    " at ", " le ", " am "] {
            if let r = cut.range(of: sep) { cut = cut[..<r.lowerBound] }
        }
        // A date glued on after a comma: "By Jane Doe, March 3, 2023".
        let tokens = DateScanner.tokenize(cut)
        if let m = tokens.first(where: { DateScanner.month($0) != nil && $0.gap.contains(",") }),
           let r = cut.range(of: m.gap + m.text) {
            cut = cut[..<r.lowerBound]
        }
        return String(cut)
    }

    static func names(in list: String) -> [String] {
        var parts: [String] = []
        var normalized = list.replacingOccurrences(of: " & ", with: ", ")
        for joiner in [", and ", " and ", " AND ", " et ", " ET ", " und ", " UND ", " y ", " Y ", " e "] {
            normalized = normalized.replacingOccurrences(of: joiner, with: ", ")
        }
        for raw in normalized.split(separator: ",") {
            var name = raw.trimmingSpaces
            // "Jane Doe in Kyiv": the place is not part of the name.
            if let r = name.range(of: " in ", options: .backwards), name[r.upperBound...].first?.isUppercase == true {
                name = String(name[..<r.lowerBound])
            }
            if let r = name.range(of: " for ") { name = String(name[..<r.lowerBound]) }
            while let last = name.last, ".;:".contains(last) { name.removeLast() }
            name = name.trimmingSpaces
            if isName(name) { parts.append(titleCased(name)) }
        }
        return parts
    }

    /// "MARIKO ISHIDA" -> "Mariko Ishida"; names already in mixed case stay as written.
    static func titleCased(_ name: String) -> String {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard !letters.isEmpty, letters.allSatisfy({ $0.properties.isUppercase }) else { return name }
        return name.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    static func isName(_ s: String) -> Bool {
        // A lone short all-caps token is a desk or agency code ("WF", "AFP"), not a person.
        if !s.contains(" "), s.count <= 4, s == s.uppercased() { return false }
        let lower = s.lowercased()
        guard !s.isEmpty, !notNames.contains(lower), !lower.hasSuffix(" staff"), !lower.hasSuffix(" correspondent"),
              !lower.hasSuffix(" editor"), !lower.hasSuffix(" reporter") else { return false }
        let words = s.split(separator: " ")
        guard words.count >= 1, words.count <= 5, !s.contains(where: \.isNumber) else { return false }
        return words.allSatisfy { w in
            w.first?.isUppercase == true || particles.contains(w.lowercased())
        } && words.contains { $0.first?.isUppercase == true }
    }
}
