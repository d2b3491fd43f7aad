import TextKit

/// Author names from a metadata field: "Jane Doe and John Roe", "By Jane Doe, Reuters".
enum AuthorList {
    static func split(_ raw: String) -> [String] {
        let s = TextFold.collapseSpaces(raw)
        guard !s.isEmpty else { return [] }
        let withBy = s.lowercased().hasPrefix("by ") ? s : "By " + s
        if let names = BylineParser.authors(in: withBy), !names.isEmpty { return names }
        return [s]
    }
}
