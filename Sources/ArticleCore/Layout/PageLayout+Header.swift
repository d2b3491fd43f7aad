import TextKit

extension PageLayout {
    struct Header {
        var title: String?
        var kicker: String?
        var dek: String?
        var titleIndex: Int?
        /// First unit that can belong to the body.
        var bodyStart: Int
    }

    /// Headline, kicker and standfirst from the lines before (and at) the first prose.
    mutating func readHeader(firstProse: Int, end: Int) -> Header {
        if let knownTitle { return readHeader(knownTitle: knownTitle, firstProse: firstProse) }
        let candidates = (0..<firstProse).filter { isClean($0) }
        guard !candidates.isEmpty else {
            // No headline in the text: the first sentence stands in for it, and stays in the body.
            return Header(title: Self.firstSentence(units[firstProse].text), bodyStart: firstProse)
        }
        var titleIndex = bestTitle(candidates, firstProse: firstProse) ?? candidates[0]
        var dekIndex: Int?
        // Two headline lines in a row: the longer second one is a standfirst written without a full stop.
        if let pos = candidates.firstIndex(of: titleIndex), pos > 0 {
            let previous = candidates[pos - 1]
            let a = units[previous], b = units[titleIndex]
            if previous == titleIndex - 1, a.isHeadlineShaped, a.words >= 4, b.words >= 8, b.words >= a.words,
               !Self.isLabel(a.text) {
                dekIndex = titleIndex
                titleIndex = previous
            }
        }
        var header = Header(title: units[titleIndex].text, titleIndex: titleIndex, bodyStart: firstProse)
        units[titleIndex].role = .title
        // Kicker: a short label right above the headline.
        if titleIndex > 0, isClean(titleIndex - 1), Self.isKicker(units[titleIndex - 1], above: units[titleIndex]),
           sitsAlone(titleIndex - 1, orWith: titleIndex) {
            units[titleIndex - 1].role = .kicker
            header.kicker = Self.trimLabel(units[titleIndex - 1].text)
        }
        for i in 0..<titleIndex where units[i].role == .undecided {
            units[i].role = .navigation
        }
        if let dekIndex {
            units[dekIndex].role = .dek
            header.dek = units[dekIndex].text
        }
        // Between headline and prose: a standfirst, bylines without "By", or leftovers of the page.
        for i in (titleIndex + 1)..<firstProse where units[i].role == .undecided {
            if Self.isBareName(units[i].text) {
                units[i].role = .byline
                bylines[i] = [BylineParser.titleCased(units[i].text)]
            } else if header.dek == nil && units[i].words >= 6 && !appeal[i] {
                units[i].role = .dek
                header.dek = units[i].text
            } else if units[i].words < 6 {
                units[i].role = .navigation
            }
        }
        if header.dek == nil, isDek(firstProse) {
            units[firstProse].role = .dek
            header.dek = units[firstProse].text
            header.bodyStart = firstProse + 1
        }
        return header
    }

    private mutating func readHeader(knownTitle: String, firstProse: Int) -> Header {
        let folded = TextFold.fold(knownTitle)
        var header = Header(title: knownTitle, bodyStart: 0)
        guard let t = (0...firstProse).first(where: { units[$0].role == .undecided && self.folded[$0] == folded })
        else {
            // The text does not repeat the title: short menu-like lines before the prose are page furniture.
            for i in 0..<firstProse where isClean(i) && units[i].isHeadlineShaped && units[i].words <= 6 {
                units[i].role = .navigation
            }
            return header
        }
        units[t].role = .title
        header.titleIndex = t
        if t > 0, isClean(t - 1), Self.isKicker(units[t - 1], above: units[t]), sitsAlone(t - 1, orWith: t) {
            units[t - 1].role = .kicker
            header.kicker = Self.trimLabel(units[t - 1].text)
        }
        for i in 0..<t where units[i].role == .undecided { units[i].role = .navigation }
        header.bodyStart = t + 1
        if let next = ((t + 1)..<units.count).first(where: { units[$0].role == .undecided }), next == firstProse, isDek(next) {
            units[next].role = .dek
            header.dek = units[next].text
            header.bodyStart = next + 1
        }
        return header
    }

    /// The clean lines before the prose that may be the headline: headline-shaped, of three words or more.
    func titleCandidates(firstProse: Int) -> [Int] {
        (0..<firstProse).filter { isClean($0) && units[$0].isHeadlineShaped && units[$0].words >= 3 }
    }

    /// The headline among the candidates. Copied page text (the body model's input) is ranked by the
    /// learned `TitleModel`; other text by the hand-made score, whose ties go to the later line.
    mutating func bestTitle(_ candidates: [Int], firstProse: Int) -> Int? {
        let shaped = candidates.filter { units[$0].isHeadlineShaped && units[$0].words >= 3 }
        guard !shaped.isEmpty else { return nil }
        if usesBodyModel {
            let table = lineTable ?? LineFeatures.table(units)
            lineTable = table
            let rows = TitleFeatures.rows(self, candidates: shaped, firstProse: firstProse, lines: table)
            var best: (score: Double, index: Int)?
            for (c, row) in zip(shaped, rows) {
                let score = TitleModel.score(row)
                if best == nil || score >= best!.score { best = (score, c) }
            }
            return best?.index
        }
        var best: (score: Int, index: Int)?
        for c in shaped {
            let score = ruleEvidence(c, firstProse: firstProse).score
            if best == nil || score >= best!.score { best = (score, c) }
        }
        return best?.index
    }

    /// The hand-made headline score: headline length, followed by what follows headlines (a byline, a date,
    /// a photo, a standfirst), near the prose; date stamps, breadcrumbs and section labels are penalised.
    func ruleEvidence(_ c: Int, firstProse: Int) -> TitleFeatures.RuleEvidence {
        let u = units[c]
        var e = TitleFeatures.RuleEvidence()
        var score = min(u.words, 14)
        if let next = ((c + 1)...firstProse).first(where: { !units[$0].isBoilerplate && units[$0].role != .repeatedCaption }) {
            let r = units[next].role
            if r == .byline || r == .dateLine || r == .caption || Self.isBareName(units[next].text) {
                score += 6
                e.nextFurniture = true
            } else if next == firstProse || (isClean(next) && units[next].words >= 8) {
                score += 5
                e.nextStandfirst = true
            }
        }
        if firstProse - c <= 10 { score += 3; e.nearProse = true }
        if u.text.plainContains(" | ") || u.text.plainContains(" / ") || u.text.plainContains(" > ") {
            score -= 8
            e.separators = true
        }
        var digits = 0
        for b in u.text.utf8 where b &- 0x30 < 10 { digits += 1 }
        if digits * 4 > u.text.utf8.count { score -= 8; e.digitHeavy = true }
        if Self.isLabel(u.text) && u.words <= 4 { score -= 4; e.shortLabel = true }
        e.score = score
        return e
    }

    /// A line that is only a person's name ("Helen Marsh"), as bylines without "By" are printed.
    static func isBareName(_ text: String) -> Bool {
        // Asked of every caption-like tail: count the words of plain text on bytes before splitting.
        if let words = ByteSearch.plainWordCount(text), !(2...4).contains(words) { return false }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), !text.contains(where: { $0.isNumber || $0 == "," || $0 == "." || $0 == ":" })
        else { return false }
        return BylineParser.isName(text) && words.allSatisfy { $0.count >= 2 }
    }

    /// A one-sentence standfirst directly under the headline: short, and set apart from the body by a
    /// byline, date or photo, or short enough that it cannot be a news lede.
    func isDek(_ i: Int) -> Bool {
        let u = units[i]
        guard isClean(i), u.words >= 6, u.words <= 40, u.endsLikeSentence, DatelineParser.parse(u.text) == nil
        else { return false }
        let sentences = SentenceCounter.count(u.text)
        if let first = u.text.unicodeScalars.first, "\"\u{201C}\u{201E}\u{00AB}".unicodeScalars.contains(first) { return false }
        let rest = ((i + 1)..<units.count).filter { units[$0].role != .boilerplate }
        guard let next = rest.first else { return false }
        let hasMoreProse = rest.contains { isClean($0) && units[$0].isProse }
        guard hasMoreProse else { return false }
        let separated = [.caption, .byline, .dateLine].contains(units[next].role) || Self.isBareName(units[next].text)
        // Two sentences only when a byline or photo sets the standfirst apart.
        guard sentences == 1 || (sentences == 2 && separated) else { return false }
        // A lede dates its news ("on Tuesday"); a standfirst summarises it.
        if Self.readsLikeLede(u.text, strict: u.words > 20) { return false }
        return u.words <= 20 || (separated && u.words <= 30)
    }

    static let ledeDays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"]
    static let ledeVerbs: Set<String> = ["said", "told", "announced"]

    static func readsLikeLede(_ text: String, strict: Bool) -> Bool {
        DateScanner.tokenize(text).contains { ledeDays.contains($0.lower) || (strict && ledeVerbs.contains($0.lower)) }
    }

    /// A kicker shares its block with the headline or stands alone; the last entry of a menu block does neither.
    func sitsAlone(_ k: Int, orWith title: Int) -> Bool {
        if units[k].block == units[title].block { return true }
        let before = k > 0 && units[k - 1].block == units[k].block
        let after = k + 1 < units.count && units[k + 1].block == units[k].block
        return !before && !after
    }

    static func isKicker(_ u: TextUnit, above title: TextUnit) -> Bool {
        guard u.words >= 1, u.words <= 4, u.text.count <= 40, u.words < title.words, u.isHeadlineShaped || u.text.hasSuffix(":"),
              !u.text.contains(" / "), !u.text.contains(" > "), !u.text.contains("\u{00BB}") else { return false }
        return isLabel(u.text) || u.words <= 3
    }

    /// All lowercase or all capitals: the typography of section labels.
    static func isLabel(_ text: String) -> Bool {
        // Asked twice of each headline candidate: on bytes, and a headline is known at its second letter.
        var text = text
        return text.withUTF8 { bytes in
            var lower = true, upper = true, letters = false
            var i = 0
            while i < bytes.count && (lower || upper) {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                    if b &- 0x61 < 26 {
                        letters = true
                        upper = false
                    } else if b &- 0x41 < 26 {
                        letters = true
                        lower = false
                    }
                    continue
                }
                let scalar = TextFold.decodeScalar(bytes, at: &i).properties
                guard scalar.isAlphabetic else { continue }
                letters = true
                if !scalar.isLowercase { lower = false }
                if !scalar.isUppercase { upper = false }
            }
            return letters && (lower || upper)
        }
    }

    static func trimLabel(_ text: String) -> String {
        var t = Substring(text)
        while let last = t.last, ":|/>\u{00BB} ".contains(last) { t.removeLastCharacter() }
        return String(t)
    }

    static func firstSentence(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var out: [Substring] = []
        for w in words.prefix(25) {
            out.append(w)
            if let last = w.last, ".!?".contains(last), out.count >= 4 { break }
        }
        var title = out.joined(separator: " ")
        if title.hasSuffix(".") { title.removeLast() }
        return title
    }
}
