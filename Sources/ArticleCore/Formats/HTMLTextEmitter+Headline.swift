import TextKit

extension HTMLTextEmitter {
    /// Separators between a headline and the site name in a `<title>`.
    static let titleSeparators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} ", " :: ", " \u{2022} ", ": "]

    /// Whether `line` (three words or more) is `title` up to one of `titleSeparators`.
    static func isHeadline(_ line: String, beforeSuffixOf title: String) -> Bool {
        let l = Array(line.utf8), t = Array(title.utf8)
        guard l.count < t.count, t.starts(with: l), TextFold.wordCount(line) >= 3 else { return false }
        let rest = t[l.count...]
        return titleSeparators.contains { rest.starts(with: $0.utf8) }
    }
}
