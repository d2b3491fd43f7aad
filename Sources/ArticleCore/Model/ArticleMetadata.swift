import TextKit

/// Fields a file states explicitly (JSON fields, Markdown front matter). They win over inference.
struct ArticleMetadata {
    var title: String?
    var kicker: String?
    var dek: String?
    var url: String?
    /// Already normalized to ISO-8601.
    var publishedAt: String?
    var authors: [String] = []
    var publisher: String?
    var language: String?
    var tags: [String] = []

    /// ISO dates and date-times pass (a space separator becomes "T"); written dates become `YYYY-MM-DD`.
    static func isoDate(_ raw: String) -> String? {
        let s = raw.trimmingSpaces
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= u.count && u[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if u.count >= 10, digits(0..<4), u[4] == 0x2D, digits(5..<7), u[7] == 0x2D, digits(8..<10),
           let y = Int(s.prefix(4)), let m = Int(s.dropFirst(5).prefix(2)), let d = Int(s.dropFirst(8).prefix(2)),
           SimpleDate(year: y, month: m, day: d) != nil {
            if u.count == 10 { return s }
            if (u[10] == 0x54 || u[10] == 0x20), u.count >= 16, digits(11..<13), u[13] == 0x3A, digits(14..<16) {
                return String(s.prefix(10)) + "T" + String(s.dropFirst(11))
            }
            return String(s.prefix(10))
        }
        return DateScanner.dates(in: s).first?.iso
    }
}
