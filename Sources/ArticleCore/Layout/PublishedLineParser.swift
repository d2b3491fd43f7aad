/// Lines that state when the story ran: "Published May 16, 2022", "Updated: 6 March 2023 10:30 GMT",
/// "First published on Mon 6 Mar 2023 10.30 GMT", or a line holding nothing but a date and a time.
enum PublishedLineParser {
    struct Stamp: Equatable {
        var date: SimpleDate
        var isUpdate: Bool
    }

    static let publishedOpeners = ["published", "first published", "originally published", "posted", "date:",
                                   "released", "issued", "publié", "publie", "stand:", "veröffentlicht", "publicado",
                                   "pubblicato"]
    static let updateOpeners = ["updated", "last updated", "last modified", "modified", "mis à jour", "modifié",
                                "aktualisiert", "actualizado", "aggiornato"]
    /// Words that may surround a bare date without making the line prose.
    static let dateNoise: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "am", "pm", "gmt", "utc", "bst", "cet", "cest", "est", "edt",
        "pst", "pdt", "cst", "cdt", "idt", "ist", "eet", "eest", "msk", "on", "at", "et", "pt", "ct", "z",
        "updated", "ago", "hours", "hour", "minutes", "minute", "mins", "min", "uhr", "h", "a", "m", "p", "le", "à",
    ]

    static func parse(_ line: String) -> Stamp? {
        // No year, no date: skip the tokenizing below for most lines.
        guard line.utf8.count <= 200, DateScanner.mayHoldYear(line) else { return nil }
        let lower = line.lowercased()
        let isUpdate = updateOpeners.contains { lower.hasPrefix($0) }
        let isPublished = publishedOpeners.contains { lower.hasPrefix($0) }
        let tokens = DateScanner.tokenize(line)
        guard tokens.count <= 25 else { return nil }
        guard let date = DateScanner.dates(in: line).first else { return nil }
        if isUpdate || isPublished { return Stamp(date: date, isUpdate: isUpdate) }
        // A bare date line: every other token is a weekday, a time or a zone.
        let others = tokens.filter { t in
            if t.text.allSatisfy(\.isNumber) { return false }
            if DateScanner.month(t) != nil { return false }
            if dateNoise.contains(t.lower) { return false }
            if DateScanner.day(t) != nil { return false }
            return true
        }
        // Glued time stamps leave fragments like "1Updated"; one short place name ("Barcelona - 13 feb 2024") may lead.
        let fragments = others.filter { t in !t.text.contains(where: \.isNumber) }
        return fragments.count <= 1 && tokens.count <= 14 ? Stamp(date: date, isUpdate: false) : nil
    }
}
