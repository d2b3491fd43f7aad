import HTMLKit

/// Finds the article in a page: the largest `<article>`, else `<main>` / `role=main`, else the element
/// where paragraph text is densest, scored as readability does (length and commas of each paragraph
/// credited to its parent and grandparent, weighted by tag and class, discounted by link density).
/// Chrome subtrees (see `HTMLChrome`) are dropped first and count for nothing.
///
/// Every figure is one sweep over the node array, forwards for inherited facts and backwards for sums,
/// so the cost is linear in the page.
struct HTMLContentFinder {
    enum Kind: Equatable { case article, main, density, body }

    let doc: HTMLDocument
    private(set) var dropped: [Bool]
    /// Visible characters (not bytes, not whitespace) in the subtree, chrome excluded.
    private(set) var textLength: [Int]
    /// The part of `textLength` inside links.
    private(set) var linkLength: [Int]
    /// Links (`<a>` elements) in the subtree, chrome excluded.
    private(set) var linkCount: [Int]
    private(set) var insideArticle: [Bool]
    /// Per text node: visible characters and commas, counted once.
    private(set) var ownChars: [Int]
    private(set) var ownCommas: [Int]
    /// Where the article is: one element, or for a density pick its siblings that read as part of it.
    private(set) var roots: [Int] = []
    /// How the article was found, for tests and diagnostics.
    private(set) var kind = Kind.body
    /// The headline element, when the page marks one with `<h1>` in or before the article.
    private(set) var heading: Int?

    init(_ doc: HTMLDocument) {
        self.doc = doc
        let n = doc.nodes.count
        dropped = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        linkCount = Array(repeating: 0, count: n)
        insideArticle = Array(repeating: false, count: n)
        ownChars = Array(repeating: 0, count: n)
        ownCommas = Array(repeating: 0, count: n)
        doc.text.withUnsafeBufferPointer { text in
            for i in 1..<n where doc.nodes[i].tag == .text {
                (ownChars[i], ownCommas[i]) = Self.visibleLength(text, doc.nodes[i].range)
            }
        }
        markChrome()
        sumText()
        chooseRoots()
    }

    func value(_ i: Int) -> Int { textLength[i] - linkLength[i] }

    /// Whether node `i` is inside one of the roots. Roots are disjoint and in document order, so a binary
    /// search finds the only candidate.
    func isInRoots(_ i: Int) -> Bool {
        var lo = 0, hi = roots.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if roots[mid] <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && doc.contains(roots[lo - 1], i)
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    // MARK: - Chrome

    private mutating func markChrome() {
        let nodes = doc.nodes
        let n = nodes.count
        var inParagraph = Array(repeating: false, count: n)
        for i in 1..<n {
            let p = nodes[i].parent
            insideArticle[i] = insideArticle[p] || nodes[p].tag == .article
            inParagraph[i] = inParagraph[p] || nodes[i].tag == .p
        }
        // Backwards: does a subtree hold the headline or <main>, and how much paragraph text?
        var holdsAnchor = Array(repeating: false, count: n)
        var paragraphText = Array(repeating: 0, count: n)
        for i in stride(from: n - 1, through: 1, by: -1) {
            let node = nodes[i]
            if node.tag == .text {
                if inParagraph[i] { paragraphText[i] = ownChars[i] }
            } else if node.tag == .h1 || node.tag == .main || doc.attribute(i, "role", is: "main") {
                holdsAnchor[i] = true
            }
            holdsAnchor[node.parent] = holdsAnchor[node.parent] || holdsAnchor[i]
            paragraphText[node.parent] += paragraphText[i]
        }
        let allParagraphText = paragraphText[HTMLDocument.root]
        for i in 1..<n where nodes[i].tag != .text && nodes[i].tag != .html && nodes[i].tag != .body {
            let p = nodes[i].parent
            if dropped[p] { dropped[i] = true; continue }
            switch HTMLChrome.verdict(doc, i, insideArticle: insideArticle[i]) {
            case .none:
                break
            case .strong:
                // A state class on a page wrapper ("menu-open") names it, not chrome: it holds nearly all text.
                let wrapsPage = paragraphText[i] >= Self.proseGuard && paragraphText[i] * 10 >= allParagraphText * 9
                dropped[i] = Self.isChromeTag(nodes[i].tag) || (!holdsAnchor[i] && !wrapsPage)
            case .weak:
                let holdsProse = paragraphText[i] >= Self.proseGuard && paragraphText[i] * 2 > allParagraphText
                dropped[i] = !holdsAnchor[i] && !holdsProse
            }
        }
        for i in 1..<n where nodes[i].tag == .text && dropped[nodes[i].parent] { dropped[i] = true }
    }

    /// Paragraph characters that make a weakly marked wrapper the article rather than chrome, when they
    /// are also most of the page's: a short footer note on an empty page is still a footer.
    static let proseGuard = 400

    /// Tags that are chrome whatever they wrap.
    private static func isChromeTag(_ tag: HTMLTag) -> Bool {
        tag == .nav || tag == .aside || tag == .button || tag == .dialog || tag == .input || tag == .label
    }

    // MARK: - Text sums

    private mutating func sumText() {
        let nodes = doc.nodes
        let n = nodes.count
        var inLink = Array(repeating: false, count: n)
        for i in 1..<n { inLink[i] = inLink[nodes[i].parent] || nodes[i].tag == .a }
        for i in stride(from: n - 1, through: 1, by: -1) where !dropped[i] {
            if nodes[i].tag == .text {
                textLength[i] = ownChars[i]
                if inLink[i] { linkLength[i] = textLength[i] }
            } else if nodes[i].tag == .a {
                linkCount[i] += 1
            }
            textLength[nodes[i].parent] += textLength[i]
            linkLength[nodes[i].parent] += linkLength[i]
            linkCount[nodes[i].parent] += linkCount[i]
        }
    }

    /// Characters that are not whitespace (UTF-8 lead bytes), and commas among them.
    static func visibleLength(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (chars: Int, commas: Int) {
        var chars = 0, commas = 0
        for k in range {
            let b = text[k]
            if HTMLBytes.isSpace(b) || b & 0xC0 == 0x80 { continue }
            chars += 1
            if b == 0x2C { commas += 1 }
        }
        return (chars, commas)
    }

    // MARK: - Choosing the article

    private mutating func chooseRoots() {
        let nodes = doc.nodes
        var bestArticle: Int?, bestMain: Int?
        for i in 1..<nodes.count where !dropped[i] {
            switch nodes[i].tag {
            case .article:
                if bestArticle.map({ value(i) > value($0) }) ?? true { bestArticle = i }
            case .main:
                if bestMain.map({ value(i) > value($0) }) ?? true { bestMain = i }
            case .text:
                continue
            default:
                if doc.attribute(i, "role", is: "main"), bestMain.map({ value(i) > value($0) }) ?? true { bestMain = i }
            }
        }
        let dense = densestCandidate()
        let denseValue = dense.map(value) ?? 0
        // A container tag only counts when it holds the text: pages also wrap teaser cards in <article>.
        func holdsText(_ c: Int?) -> Int? {
            guard let c, value(c) > 0 else { return nil }
            if let dense, doc.contains(c, dense) { return c }
            return value(c) * 2 >= denseValue ? c : nil
        }
        if let a = holdsText(bestArticle) {
            roots = [a]
            kind = .article
        } else if let m = holdsText(bestMain) {
            roots = [m]
            kind = .main
        } else if let dense {
            roots = withSiblings(dense)
            kind = .density
        } else {
            roots = [nodes.indices.dropFirst().first { nodes[$0].tag == .body } ?? HTMLDocument.root]
            kind = .body
        }
        findHeading()
    }

    /// The first <h1> inside the article, else the last one before it; a root that misses the headline
    /// grows to take it in when that adds little text (the headline block sits just above the body).
    private mutating func findHeading() {
        let nodes = doc.nodes
        // A page can leave no root at all (found by fuzzing): then there is no article to head.
        guard let first = roots.first else { return }
        let h1s = nodes.indices.filter { nodes[$0].tag == .h1 && !dropped[$0] && textLength[$0] > 0 }
        if let inside = h1s.first(where: isInRoots) {
            heading = inside
            return
        }
        guard let before = h1s.last(where: { $0 < first }) else { return }
        heading = before
        var common = nodes[first].parent
        while common > HTMLDocument.root, !doc.contains(common, before) { common = nodes[common].parent }
        let covered = roots.reduce(0) { $0 + value($1) }
        if common > HTMLDocument.root, value(common) * 4 <= covered * 5 + 2000 {
            roots = [common]
        }
    }
}
