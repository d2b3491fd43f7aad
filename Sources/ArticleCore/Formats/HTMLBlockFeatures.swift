import Foundation
import HTMLKit

/// Evidence about each text block of a page that only the markup gives: where the block sits (in the
/// finder's roots, in a chrome subtree, under `<article>`/`<nav>`/`<footer>`/`<li>`…), how much of it and
/// of its container is link text, how far it is from the roots, and the class and id words of the block
/// and its ancestors. The line shape of the block's text is `LineFeatures`' row for it, the blocks read as
/// the lines of a page. `HTMLBlockModel` weighs these; `articled-eval --html-blocks` dumps them for
/// `scripts/train-html-model.py`, so training and use cannot drift apart.
enum HTMLBlockFeatures {
    static let ownNames = [
        "in_roots", "chrome", "hidden", "link_only", "link_density", "container_link_density", "container_log_chars",
        "depth_below_root", "before_roots", "after_roots", "root_distance", "position",
        "tag_p", "tag_li", "tag_h1", "tag_heading", "tag_div", "tag_td", "tag_blockquote", "tag_dd", "tag_pre",
        "tag_other",
        "in_article", "in_main", "in_aside", "in_nav", "in_footer", "in_header", "in_form", "in_li", "in_figure",
        "in_table", "in_section", "in_list", "in_link", "in_blockquote",
        "kind_article", "kind_main", "kind_density",
    ]
    static let neighbourNames = ["in_roots", "chrome", "link_density"]
    static let htmlNames: [String] = ownNames + neighbourNames.map { "prev_" + $0 } + neighbourNames.map { "next_" + $0 }
    static let names: [String] = htmlNames + LineFeatures.names.map { "line_" + $0 }
    static let width = names.count

    /// Ancestors (the block's element included) whose class and id words count.
    static let tokenLevels = 8

    struct Rows {
        /// `width` values per block, in `names` order.
        var values: [Double]
        /// The class and id words of each block and its ancestors, lowercased, each once.
        var tokens: [[String]]
        var count: Int { tokens.count }
        func row(_ i: Int) -> ArraySlice<Double> { values[(i * width)..<((i + 1) * width)] }
    }

    /// A row for every block; `blocks` are the emitter's, of kind `.text`.
    static func rows(_ blocks: [HTMLTextEmitter.Block], doc: HTMLDocument, finder: HTMLContentFinder) -> Rows {
        let n = blocks.count
        var rows = Rows(values: [Double](repeating: 0, count: n * width), tokens: [])
        rows.tokens.reserveCapacity(n)
        guard n > 0 else { return rows }
        let context = Context(doc: doc, finder: finder, owners: blocks.map(\.owner))
        let units = blocks.enumerated().map { k, b in
            TextUnit(text: b.text.contains("\n") ? b.text.replacingOccurrences(of: "\n", with: " ") : b.text, block: k, line: k + 1)
        }
        let lines = LineFeatures.table(units)
        // Distance in blocks to the nearest block inside the roots, from either side.
        var distance = [Int](repeating: n, count: n)
        var last = -1
        for k in 0..<n {
            if blocks[k].inRoots { last = k }
            if last >= 0 { distance[k] = k - last }
        }
        last = -1
        for k in stride(from: n - 1, through: 0, by: -1) {
            if blocks[k].inRoots { last = k }
            if last >= 0 { distance[k] = min(distance[k], last - k) }
        }
        let firstIn = blocks.firstIndex { $0.inRoots } ?? n
        let lastIn = blocks.lastIndex { $0.inRoots } ?? -1
        let htmlWidth = htmlNames.count
        rows.values.withUnsafeMutableBufferPointer { out in
            for k in 0..<n {
                let b = blocks[k]
                var at = k * width
                func put(_ v: Double) { out[at] = v; at += 1 }
                func put(_ v: Bool) { out[at] = v ? 1 : 0; at += 1 }
                let owner = b.owner
                let container = doc.nodes[owner].parent
                let a = context.ancestry[owner]
                put(b.inRoots)
                put(b.chrome)
                put(a.contains(.hidden))
                put(b.linkOnly)
                put(density(b))
                put(finder.linkDensity(max(container, 0)))
                put(log1p(Double(finder.value(max(container, 0)))))
                put(b.inRoots ? log1p(Double(max(context.depth[owner] - context.rootDepth[owner], 0))) : 0)
                put(!b.inRoots && k < firstIn)
                put(!b.inRoots && k > lastIn)
                put(log1p(Double(distance[k])))
                put(n > 1 ? Double(k) / Double(n - 1) : 0)
                let tag = doc.nodes[owner].tag
                put(tag == .p)
                put(tag == .li)
                put(tag == .h1)
                put(tag.isHeading && tag != .h1)
                put(tag == .div)
                put(tag == .td || tag == .th)
                put(tag == .blockquote)
                put(tag == .dd || tag == .dt)
                put(tag == .pre)
                put(![.p, .li, .h1, .h2, .h3, .h4, .h5, .h6, .div, .td, .th, .blockquote, .dd, .dt, .pre].contains(tag))
                for flag in Ancestry.flags { put(a.contains(flag)) }
                put(finder.kind == .article)
                put(finder.kind == .main)
                put(finder.kind == .density)
                for j in [k - 1, k + 1] {
                    guard j >= 0 && j < n else { at += neighbourNames.count; continue }
                    put(blocks[j].inRoots)
                    put(blocks[j].chrome)
                    put(density(blocks[j]))
                }
                precondition(at == k * width + htmlWidth)
                for v in lines.row(k) { put(v) }
                rows.tokens.append(context.tokens(owner))
            }
        }
        return rows
    }

    private static func density(_ b: HTMLTextEmitter.Block) -> Double {
        b.chars == 0 ? 0 : Double(b.linkChars) / Double(b.chars)
    }

    /// The tags a block can sit under, as bits.
    struct Ancestry: OptionSet {
        let rawValue: UInt32
        static let article = Ancestry(rawValue: 1 << 0)
        static let main = Ancestry(rawValue: 1 << 1)
        static let aside = Ancestry(rawValue: 1 << 2)
        static let nav = Ancestry(rawValue: 1 << 3)
        static let footer = Ancestry(rawValue: 1 << 4)
        static let header = Ancestry(rawValue: 1 << 5)
        static let form = Ancestry(rawValue: 1 << 6)
        static let li = Ancestry(rawValue: 1 << 7)
        static let figure = Ancestry(rawValue: 1 << 8)
        static let table = Ancestry(rawValue: 1 << 9)
        static let section = Ancestry(rawValue: 1 << 10)
        static let list = Ancestry(rawValue: 1 << 11)
        static let link = Ancestry(rawValue: 1 << 12)
        static let blockquote = Ancestry(rawValue: 1 << 13)
        static let hidden = Ancestry(rawValue: 1 << 14)
        /// In `ownNames` order, from "in_article" to "in_blockquote".
        static let flags: [Ancestry] = [
            .article, .main, .aside, .nav, .footer, .header, .form, .li, .figure, .table, .section, .list, .link, .blockquote,
        ]

        static func of(_ tag: HTMLTag) -> Ancestry {
            switch tag {
            case .article: return .article
            case .main: return .main
            case .aside: return .aside
            case .nav: return .nav
            case .footer: return .footer
            case .header: return .header
            case .form: return .form
            case .li: return .li
            case .figure: return .figure
            case .table: return .table
            case .section: return .section
            case .ul, .ol, .menu, .dl: return .list
            case .a: return .link
            case .blockquote: return .blockquote
            default: return []
            }
        }
    }

    /// Per node facts inherited from the ancestors, in one forward sweep.
    struct Context {
        let doc: HTMLDocument
        var ancestry: [Ancestry]
        var depth: [Int]
        /// The depth of the root a node is in (its own depth when it is not in a root).
        var rootDepth: [Int]
        /// Words of each node's own class and id, computed for the nodes that own or hold a block.
        private var ownWords: [Int: [String]] = [:]

        init(doc: HTMLDocument, finder: HTMLContentFinder, owners: [Int]) {
            self.doc = doc
            let nodes = doc.nodes
            let n = nodes.count
            ancestry = [Ancestry](repeating: [], count: n)
            depth = [Int](repeating: 0, count: n)
            rootDepth = [Int](repeating: 0, count: n)
            let roots = Set(finder.roots)
            for i in 1..<n where nodes[i].tag != .text {
                let p = nodes[i].parent
                var a = ancestry[p].union(.of(nodes[i].tag))
                if Self.hides(doc, i) { a.insert(.hidden) }
                ancestry[i] = a
                depth[i] = depth[p] + 1
                rootDepth[i] = roots.contains(i) ? depth[i] : (rootDepth[p] > 0 ? rootDepth[p] : 0)
            }
            for i in 1..<n where rootDepth[i] == 0 { rootDepth[i] = depth[i] }
            for owner in Set(owners) {
                var node = owner
                for _ in 0..<HTMLBlockFeatures.tokenLevels where node > HTMLDocument.root {
                    if ownWords[node] == nil { ownWords[node] = Self.words(doc, node) }
                    node = nodes[node].parent
                }
            }
        }

        private static func hides(_ doc: HTMLDocument, _ i: Int) -> Bool {
            if doc.hasAttribute(i, "hidden") || doc.attribute(i, "aria-hidden", is: "true") { return true }
            guard let style = doc.attributeRange(i, "style") else { return false }
            return HTMLChrome.hidesElement(doc.source, style)
        }

        /// The class and id words of `owner` and its `tokenLevels - 1` nearest ancestors, each once.
        func tokens(_ owner: Int) -> [String] {
            var out: [String] = []
            var node = owner
            for _ in 0..<HTMLBlockFeatures.tokenLevels where node > HTMLDocument.root {
                for w in ownWords[node] ?? [] where !out.contains(w) { out.append(w) }
                node = doc.nodes[node].parent
            }
            return out
        }

        /// Lowercased words of the class and id values, split at anything but letters and digits and at
        /// camelCase humps; words with digits (generated names) and of one letter are left out.
        static func words(_ doc: HTMLDocument, _ node: Int) -> [String] {
            var out: [String] = []
            for name in ["class", "id"] as [StaticString] {
                guard let r = doc.attributeRange(node, name) else { continue }
                let s = doc.source
                var start = r.lowerBound
                func word(_ w: Range<Int>) {
                    guard w.count >= 2, w.count <= 24, !s[w].contains(where: { $0 &- 0x30 < 10 }) else { return }
                    let lower = String(decoding: s[w].map(HTMLBytes.lower), as: UTF8.self)
                    if !out.contains(lower) { out.append(lower) }
                }
                var k = r.lowerBound
                while k < r.upperBound {
                    let b = s[k]
                    if !HTMLBytes.isAlphanumeric(b) {
                        if k > start { word(start..<k) }
                        start = k + 1
                    } else if b &- 0x41 < 26, k > start, s[k - 1] &- 0x61 < 26 {
                        word(start..<k)
                        start = k
                    }
                    k += 1
                }
                if k > start { word(start..<k) }
            }
            return out
        }
    }
}
