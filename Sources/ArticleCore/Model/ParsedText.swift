/// What the layout rules read out of copied page text, before hashing and metadata merging.
struct ParsedText {
    var title: String?
    var kicker: String?
    var dek: String?
    var authors: [String] = []
    var dateline: String?
    /// "Reuters", "AP", … from a dateline's parenthesis.
    var wireAgency: String?
    var publishedAt: String?
    var publishedAtSource: DateSource?
    var publisher: String?
    var paragraphs: [String] = []
    var captions: [Caption] = []
    var removed: [String] = []
}
