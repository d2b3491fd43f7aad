import TextKit

/// Reads the structure of copied page text: where the headline is, where the body runs, which lines are
/// captions, bylines or page chrome. Units are classified line by line first (phrase lists, caption and
/// byline shapes), then placed by structure: the body is where the long prose is, the headline is the
/// last headline-shaped line before it, and the tail is cut where appeal text takes over.
struct PageLayout {
    var units: [TextUnit]
    let options: NormalizerOptions
    /// A title from metadata; the text may repeat it as its first line.
    let knownTitle: String?
    /// A publisher fixed by metadata or folder hint; inference is skipped then.
    let knownPublisher: String?

    var appeal: [Bool]
    /// `TextFold.fold` of each unit's text, once widgets are stripped: the boilerplate rules, the caption
    /// labels, the echo check and the content hash all read it, and folding it for each was a tenth of the work.
    var folded: [String] = []
    /// `TextFold.wordCount` of each unit's text once widgets are stripped (`TextUnit.words` counts the line
    /// as it came, which the rules were tuned on).
    var textWords: [Int] = []
    var bylines: [Int: [String]] = [:]
    var stamps: [Int: PublishedLineParser.Stamp] = [:]
    var listHeaders: Set<Int> = []
    /// Copied page text only: other formats arrive without page chrome around the body.
    var usesBodyModel = false
    /// `LineFeatures.table(units)` once the headline model has needed it, for the body model to reuse.
    var lineTable: LineFeatures.Matrix?

    init(text: String, options: NormalizerOptions, knownTitle: String?, knownPublisher: String?) {
        units = PageSegmenter.units(text)
        appeal = Array(repeating: false, count: units.count)
        self.options = options
        self.knownTitle = knownTitle
        self.knownPublisher = knownPublisher
    }

    static let listHeaderLines: Set<String> = [
        "related", "related articles", "related stories", "related content", "read more", "most read",
        "most popular", "more from", "recommended", "recommended stories", "you may also like", "also read",
        "read next", "more stories", "top stories", "latest news", "latest stories", "trending", "trending now",
        "what to read next", "more on this story", "popular", "read also", "see also", "more news",
        "mehr zum thema", "lea también", "lire aussi", "les plus lus", "archivado en", "schlagwörter zum thema",
        "explore more on these topics", "explore more topics", "suggested topics", "related topics", "most viewed",
        "más información", "weitere artikel", "à lire aussi", "read more",
    ]

    mutating func parse() -> Result<ParsedText, NormalizeError> {
        guard !units.isEmpty else { return .failure(.empty("the file holds only whitespace")) }
        classify()
        var out = ParsedText()
        out.publisher = knownPublisher ?? inferPublisher()
        applyLearned(publisher: out.publisher)
        guard let firstProse = firstProseIndex() else {
            return .failure(noArticleReason())
        }
        let cut = cutTail(after: firstProse)
        let header = readHeader(firstProse: firstProse, end: cut)
        out.title = header.title
        out.kicker = header.kicker
        out.dek = header.dek
        markLists(from: header.bodyStart, to: cut)
        if usesBodyModel { dropUnlikelyBody(from: header.bodyStart, to: cut) }
        collectBody(header: header, cut: cut, into: &out)
        guard !out.paragraphs.isEmpty else {
            return .failure(.noArticle("no body text after the headline; \(out.removed.count) lines were page chrome"))
        }
        dropEchoes(&out)
        guard !out.paragraphs.isEmpty else {
            return .failure(.noArticle("no body text after the headline; \(out.removed.count) lines were page chrome"))
        }
        readDateline(into: &out)
        readDates(into: &out)
        return .success(out)
    }

    // MARK: - Classification

    mutating func classify() {
        textWords = units.map(\.words)
        for i in units.indices {
            let stripped = CaptionParser.strippingWidgets(units[i].text)
            if stripped.utf8.count != units[i].text.utf8.count { textWords[i] = TextFold.wordCount(stripped) }
            units[i].text = stripped
        }
        folded = units.map { TextFold.fold($0.text) }
        for i in units.indices {
            let u = units[i]
            if units[i].role != .undecided { continue }
            if let caption = labelledCaption(at: i) {
                units[i].role = .boilerplate
                units[i].isBoilerplate = true
                units[i + 1].role = .repeatedCaption
                units[i + 3].role = .caption
                units[i + 3].caption = caption
                units[i + 2].role = .boilerplate
                units[i + 2].isBoilerplate = true
                continue
            }
            // Bylines first: "By Valentina Rojas | Mar 6, 2024 | 4 min read" carries chrome words.
            if u.words <= 30, BylineParser.startsWithOpener(u.text), let names = BylineParser.authors(in: u.text) {
                units[i].role = .byline
                bylines[i] = names
                if let date = DateScanner.dates(in: u.text).first { stamps[i] = .init(date: date, isUpdate: false) }
                continue
            }
            let verdict = u.text.utf8.count <= BoilerplateRules.maxLineBytes
                ? BoilerplateRules.verdict(folded: folded[i], words: u.words) : .none
            if verdict == .chrome {
                units[i].role = .boilerplate
                units[i].isBoilerplate = true
                if Self.isListHeader(folded: folded[i]) { listHeaders.insert(i) }
                continue
            }
            appeal[i] = verdict == .appeal
            if let caption = CaptionParser.parse(u.text) {
                units[i].role = .caption
                units[i].caption = caption
            } else if let credit = CaptionParser.creditOnly(u.text) {
                // A credit on its own line makes the short line just above it (same block) a caption.
                if i > 0, units[i - 1].block == u.block, units[i - 1].role == .undecided, units[i - 1].words <= 60 {
                    units[i - 1].role = .caption
                    units[i - 1].caption = Caption(text: units[i - 1].text, credit: credit)
                    units[i].role = .repeatedCaption
                } else {
                    units[i].role = .caption
                    units[i].caption = Caption(text: "", credit: credit)
                }
            } else if !(u.words >= 15 && u.endsLikeSentence), u.words <= 30,
                      let names = BylineParser.authors(in: u.text) {
                units[i].role = .byline
                bylines[i] = names
                if let date = DateScanner.dates(in: u.text).first { stamps[i] = .init(date: date, isUpdate: false) }
            } else if let stamp = PublishedLineParser.parse(u.text) {
                units[i].role = .dateLine
                stamps[i] = stamp
            }
        }
    }

    /// The broadcaster layout: "Image source," / credit / "Image caption," / text, one per line.
    func labelledCaption(at i: Int) -> Caption? {
        guard i + 3 < units.count else { return nil }
        func label(_ k: Int, _ name: String) -> Bool {
            var t = folded[k]
            while t.hasSuffix(",") || t.hasSuffix(":") { t.removeLast() }
            return t == name
        }
        guard label(i, "image source"), label(i + 2, "image caption") else { return nil }
        return Caption(text: units[i + 3].text, credit: units[i + 1].text)
    }

    static func isListHeader(_ text: String) -> Bool {
        isListHeader(folded: TextFold.fold(text))
    }

    static func isListHeader(folded: String) -> Bool {
        var bare = Substring(folded)
        while let last = bare.last, ":.-|>\u{00BB} ".contains(last) { bare.removeLastCharacter() }
        return listHeaderLines.contains(String(bare)) || (bare.hasPrefix("more from") && TextFold.wordCount(bare) <= 5)
    }

    /// Signatures are looked for in chrome, bylines and short lines, never in body prose, so a story
    /// that cites another outlet is not credited to it.
    func inferPublisher() -> String? {
        var chrome: [String] = []
        for (i, u) in units.enumerated() where u.text.utf8.count <= BoilerplateRules.maxLineBytes {
            if u.isBoilerplate || appeal[i] || u.role == .byline || (u.role == .undecided && u.words < 8) {
                chrome.append(u.text)
            }
        }
        if let known = options.publishers.publisher(signedIn: chrome.joined(separator: "\n")) { return known.name }
        return PublisherNameFinder.name(inChrome: chrome)
    }

    mutating func applyLearned(publisher: String?) {
        guard let publisher, let learned = options.learnedBoilerplate[publisher], !learned.isEmpty else { return }
        let matches = units.indices.filter {
            units[$0].role != .caption && units[$0].text.utf8.count <= BoilerplateRules.maxLineBytes
                && learned.contains(LineFingerprint.of(units[$0].text))
        }
        // Learned lines describe the page around articles. When they would leave no prose at all, the
        // "boilerplate" is this very story seen before (a re-run or an update), not a footer: keep it.
        let matched = Set(matches)
        guard units.indices.contains(where: { !matched.contains($0) && isClean($0) && units[$0].isProse }) else { return }
        for i in matches {
            units[i].role = .boilerplate
            units[i].isBoilerplate = true
        }
    }

    func isClean(_ i: Int) -> Bool { units[i].role == .undecided && !appeal[i] }

    /// The first line of real prose: long, sentence-shaped and not appeal text.
    func firstProseIndex() -> Int? {
        if let i = units.indices.first(where: { isClean($0) && units[$0].isProse }) { return i }
        // Short articles: the first finished sentence after something headline-like.
        let candidates = units.indices.filter { isClean($0) }
        if candidates.count >= 2, let i = candidates.dropFirst().first(where: { units[$0].endsLikeSentence && units[$0].words >= 5 }) {
            return i
        }
        // With the headline known from metadata, any text is body.
        return knownTitle != nil ? candidates.first : nil
    }

    func noArticleReason() -> NormalizeError {
        let chrome = units.filter(\.isBoilerplate).count
        let clean = units.indices.filter { isClean($0) }.count
        if clean == 0 && chrome > 0 {
            return .noArticle("every line is page chrome (\(chrome) lines of menus, appeals or notices); no article text")
        }
        if units.allSatisfy({ $0.role == .caption }) {
            return .noArticle("only photo captions; no article text")
        }
        return .noArticle("no paragraph of prose found (\(clean) short lines); not an article")
    }
}
