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
    /// `TextFold.fold` of each of `paragraphs`, kept in step with them.
    var foldedParagraphs: [String] = []
    /// `TextFold.wordCount` of each of `paragraphs`, kept in step with them.
    var paragraphWords: [Int] = []
    var captions: [Caption] = []
    var removed: [String] = []
}
