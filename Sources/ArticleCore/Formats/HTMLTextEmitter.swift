import TextKit
import HTMLKit

/// Writes the page's elements out as page text, the way the text rules expect a copied page: one
/// line per block (paragraph, heading, list item, quote), `<br>` as a line break, the headline in its
/// place, and each photo caption on a line of its own so `CaptionParser` splits its credit off.
///
/// The whole `<body>` is written, chrome included, each block marked with whether it lies in the finder's
/// roots or in a chrome subtree: `HTMLBlockModel` then decides which blocks are the article, so text the
/// finder's container misses is not lost. Captions and the headline are placed only inside the roots.
struct HTMLTextEmitter {
    enum Kind: Equatable { case text, title, caption }

    struct Block {
        var text: String
        var kind: Kind
        /// The block element the text came from.
        var owner: Int
        /// Every character of the block is link text (menus, teasers).
        var linkOnly: Bool
        /// Inside one of the finder's roots.
        var inRoots = false
        /// Inside a subtree the chrome rules drop (menus, sidebars, hidden boxes).
        var chrome = false
        /// Visible characters, and those inside links.
        var chars = 0
        var linkChars = 0
    }

    let doc: HTMLDocument
    let finder: HTMLContentFinder
    let title: String?
    /// The `<title>` headline, used when `title` is nil: the headline when a line of the page repeats it,
    /// else a first line the text rules may pick as headline or pass over.
    let documentTitle: String?
    /// The headline as the page prints it, when `title` is nil and a line near the top is `documentTitle`
    /// or the start of it before a site suffix ("Headline - Site: Section").
    private(set) var confirmedHeadline: String?
    /// Boxes and lists of links left out (related rails, teaser cards, tag lists).
    private(set) var skippedLinkBoxes = 0
    /// Leave out lines that are nothing but a `<time>`: the metadata already states the date, and a bare
    /// "Sunday" or "2 hours ago" line would read as a paragraph.
    let skipsTimeLines: Bool
    var blocks: [Block] = []
    /// Captions the text rules would not recognise (no credit, or a credit only the markup marks);
    /// they are kept out of the text so they cannot pass for body paragraphs.
    var captions: [Caption] = []
    private var line: [UInt8] = []
    private var lineChars = 0
    private var lineLinkChars = 0
    private var pendingSpace = false
    private var linkDepth = 0
    private var timeDepth = 0
    private var lineTimeChars = 0
    /// Where the outermost `<time>` elements sit in `line`, to read what the line says besides them.
    private var lineTimeSpans: [Range<Int>] = []
    private var timeStart = 0
    private var owners: [Int] = []
    private var titlePlaced = false
    private var rootDepth = 0
    private var chromeDepth = 0
    private var rootSet: Set<Int> = []

    init(doc: HTMLDocument, finder: HTMLContentFinder, title: String?, documentTitle: String?, skipsTimeLines: Bool) {
        self.doc = doc
        self.finder = finder
        self.title = title
        self.documentTitle = documentTitle
        self.skipsTimeLines = skipsTimeLines
    }

    /// Every block of the body, then the headline placed among those that stay (see `placeTitle`).
    mutating func emit() {
        collect()
        placeTitle()
    }

    /// Every block of the `<body>`, marked as in the roots or not, in chrome or not.
    mutating func collect() {
        rootSet = Set(finder.roots)
        let nodes = doc.nodes
        let body = nodes.indices.dropFirst().first { nodes[$0].tag == .body } ?? HTMLDocument.root
        owners = [body]
        visit(body, isRoot: body == HTMLDocument.root)
        flush()
    }

    /// Without an `<h1>` in the roots, the headline is the line near the top that repeats the title, else
    /// the title goes first. Called once the blocks that are not the article are gone.
    mutating func placeTitle() {
        guard !titlePlaced, let headline = title ?? documentTitle else { return }
        // Without an <h1>, a line near the top that repeats the title (a styled div) is the headline in place.
        let key = TextFold.fold(headline)
        if let k = blocks.prefix(20).firstIndex(where: { $0.kind == .text && TextFold.fold($0.text) == key }) {
            blocks[k].kind = .title
            if title == nil { confirmedHeadline = blocks[k].text }
        } else if title == nil,
                  let k = blocks.prefix(20).firstIndex(where: { $0.kind == .text && Self.isHeadline($0.text, beforeSuffixOf: headline) }) {
            // The <title> only adds the site and section, so the printed line is the headline; inserting the
            // longer <title> above it would leave the printed headline to pass for a standfirst.
            blocks[k].kind = .title
            confirmedHeadline = blocks[k].text
        } else {
            blocks.insert(Block(text: headline, kind: .title, owner: HTMLDocument.root, linkOnly: false), at: 0)
        }
    }

    private mutating func visit(_ i: Int, isRoot: Bool = false) {
        let node = doc.nodes[i]
        let tag = node.tag
        if tag == .text {
            append(node.range)
            return
        }
        let entersRoot = rootSet.contains(i)
        let entersChrome = finder.dropped[i] && chromeDepth == 0
        if entersRoot || entersChrome { flush() }
        if entersRoot { rootDepth += 1 }
        if entersChrome { chromeDepth += 1 }
        defer {
            if entersRoot || entersChrome { flush() }
            if entersRoot { rootDepth -= 1 }
            if entersChrome { chromeDepth -= 1 }
        }
        let isRoot = isRoot || entersRoot
        let structural = rootDepth > 0 && chromeDepth == 0
        switch tag {
        case .br:
            lineBreak()
            return
        case .hr:
            flush()
            return
        case .img, .meta, .link, .input, .area, .col, .embed, .source, .track, .wbr:
            return
        case .h1 where i == finder.heading && structural:
            flush()
            titlePlaced = true
            if let title { blocks.append(Block(text: title, kind: .title, owner: i, linkOnly: false)) }
            return
        default:
            break
        }
        if chromeDepth == 0 && isCaption(i) {
            flush()
            // A caption outside the article belongs to a teaser's picture.
            if structural { caption(i) }
            return
        }
        if chromeDepth == 0 && !isRoot && isLinkList(i) {
            flush()
            if structural { skippedLinkBoxes += 1 }
            return
        }
        let breaks = tag.isBlock
        if breaks {
            flush()
            owners.append(i)
        }
        if tag == .time {
            // In a byline box ("By Jane Doe <time>…") the date is set apart as the text rules expect.
            if !inProse { separateField() }
            if timeDepth == 0 { timeStart = line.count }
            timeDepth += 1
        }
        if tag == .a { linkDepth += 1 }
        var child = node.firstChild
        while child >= 0 {
            visit(child)
            child = doc.nodes[child].nextSibling
        }
        if tag == .a { linkDepth -= 1 }
        if tag == .time {
            timeDepth -= 1
            if timeDepth == 0 { lineTimeSpans.append(min(timeStart, line.count)..<line.count) }
        }
        if breaks {
            flush()
            owners.removeLast()
        }
    }

    /// Inside running text a `<time>` is part of the sentence; elsewhere (a byline box) it is a field of its line.
    private var inProse: Bool {
        guard let owner = owners.last else { return false }
        switch doc.nodes[owner].tag {
        case .p, .li, .dd, .td, .blockquote, .h2, .h3, .h4, .h5, .h6, .figcaption: return true
        default: return false
        }
    }

    /// A list or box of links: related stories, tag lists, "more on this" rails inside the article.
    private func isLinkList(_ i: Int) -> Bool {
        let total = finder.textLength[i]
        guard total > 0, finder.linkLength[i] * 2 > total else { return false }
        if let h = finder.heading, doc.contains(i, h) { return false }
        // Bylines link each name to the author's page.
        if namesAuthor(i) { return false }
        if finder.linkCount[i] == 1 {
            // A box that is one link and nothing else is a teaser card.
            return finder.linkLength[i] == total && [.div, .section, .article, .figure].contains(doc.nodes[i].tag)
        }
        switch doc.nodes[i].tag {
        case .ul, .ol, .dl, .menu, .table: return finder.value(i) < 300
        case .div, .section, .article, .figure: return finder.value(i) < 200
        default: return false
        }
    }

    private func namesAuthor(_ i: Int) -> Bool {
        guard let cls = doc.attributeRange(i, "class") else { return false }
        let lower = cls.map { HTMLBytes.lower(doc.source[$0]) }
        return HTMLBytes.contains(lower, "author") || HTMLBytes.contains(lower, "byline") || HTMLBytes.contains(lower, "writer")
    }

    // MARK: - Lines

    /// Appends text with whitespace runs (and no-break spaces) collapsed; runs of other bytes are copied whole.
    private mutating func append(_ range: Range<Int>) {
        doc.text.withUnsafeBufferPointer { t in
            var k = range.lowerBound
            let end = range.upperBound
            while k < end {
                let b = t[k]
                if HTMLBytes.isSpace(b) || (b == 0xC2 && k + 1 < end && t[k + 1] == 0xA0) {
                    pendingSpace = !line.isEmpty && line.last != 0x0A
                    k += b == 0xC2 ? 2 : 1
                    continue
                }
                if pendingSpace {
                    line.append(0x20)
                    pendingSpace = false
                }
                let start = k
                var chars = 0
                while k < end {
                    let c = t[k]
                    if HTMLBytes.isSpace(c) || (c == 0xC2 && k + 1 < end && t[k + 1] == 0xA0) { break }
                    if c & 0xC0 != 0x80 { chars += 1 }
                    k += 1
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: t[start..<k]))
                lineChars += chars
                if linkDepth > 0 { lineLinkChars += chars }
                if timeDepth > 0 { lineTimeChars += chars }
            }
        }
    }

    /// " | " before a field of a byline or date line, unless the text already ends in punctuation.
    private mutating func separateField() {
        guard let last = line.last(where: { $0 != 0x20 }), last != 0x0A else { return }
        if last == 0x3A || last == 0x2C || last == 0x7C || last == 0x2D { return }
        while line.last == 0x20 { line.removeLast() }
        line.append(contentsOf: [0x20, 0x7C])
        pendingSpace = true
    }

    /// One `<br>` breaks the line; a second one in a row ends the paragraph.
    private mutating func lineBreak() {
        guard !line.isEmpty else { return }
        // In a byline box the next line is a field of the byline ("By A<br>Staff Writer"), not a paragraph.
        if let owner = owners.last, owner > HTMLDocument.root, namesAuthor(owner), line.last != 0x0A {
            separateField()
            return
        }
        if line.last == 0x0A { flush(); return }
        line.append(0x0A)
        pendingSpace = false
    }

    mutating func flush() {
        while let last = line.last, last == 0x20 || last == 0x0A { line.removeLast() }
        defer {
            line.removeAll(keepingCapacity: true)
            lineChars = 0
            lineLinkChars = 0
            lineTimeChars = 0
            lineTimeSpans.removeAll(keepingCapacity: true)
            timeStart = 0
            pendingSpace = false
        }
        guard !line.isEmpty, !(skipsTimeLines && lineTimeChars > 0
                                    && (lineTimeChars == lineChars || Self.isDateLine(line, timeSpans: lineTimeSpans))) else { return }
        let text = HTMLText.finished(line)
        guard !text.isEmpty else { return }
        blocks.append(Block(text: text, kind: .text, owner: owners.last ?? HTMLDocument.root, linkOnly: lineLinkChars == lineChars,
                            inRoots: rootDepth > 0, chrome: chromeDepth > 0, chars: lineChars, linkChars: lineLinkChars))
    }
}
