import HTMLKit

extension HTMLContentFinder {
    /// Class and id fragments that raise or lower a candidate, after readability's lists.
    static let positiveNames: [StaticString] = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
    ]
    static let negativeNames: [StaticString] = [
        "hidden", "banner", "combx", "comment", "contact", "foot", "masthead", "media", "meta", "outbrain", "promo",
        "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
        "widget",
    ]

    /// The element whose paragraphs carry the most prose, or nil when no block holds 25 characters.
    func densestCandidate() -> Int? {
        let nodes = doc.nodes
        let n = nodes.count
        // Each text node's characters go to the block that prints them: a run of inline text is a paragraph.
        var blockOf = [Int](repeating: HTMLDocument.root, count: n)
        var blockLength = [Int](repeating: 0, count: n)
        var blockCommas = [Int](repeating: 0, count: n)
        for i in 1..<n {
            let tag = nodes[i].tag
            blockOf[i] = tag != .text && tag.isBlock ? i : blockOf[nodes[i].parent]
            guard tag == .text, !dropped[i] else { continue }
            blockLength[blockOf[i]] += ownChars[i]
            blockCommas[blockOf[i]] += ownCommas[i]
        }
        var score = [Double](repeating: 0, count: n)
        var scored = [Bool](repeating: false, count: n)
        var candidates: [Int] = []
        for b in 1..<n where blockLength[b] >= 25 && !dropped[b] && !nodes[b].tag.isHeading {
            let points = 1 + Double(blockCommas[b]) + min(Double(blockLength[b]) / 100, 3)
            var ancestor = nodes[b].parent
            var level = 0
            while ancestor > HTMLDocument.root, level < 3 {
                if !scored[ancestor] {
                    scored[ancestor] = true
                    score[ancestor] = initialScore(ancestor)
                    candidates.append(ancestor)
                }
                score[ancestor] += level == 0 ? points : points / Double(level * 2)
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        var best: (index: Int, score: Double)?
        for c in candidates {
            let s = score[c] * (1 - linkDensity(c))
            if best.map({ s > $0.score }) ?? true { best = (c, s) }
        }
        return best?.index
    }

    /// The density winner and those of its siblings that read as more of the same article: scored
    /// siblings, and paragraphs of plain prose, in document order.
    func withSiblings(_ top: Int) -> [Int] {
        let nodes = doc.nodes
        let parent = nodes[top].parent
        guard parent > HTMLDocument.root else { return [top] }
        let threshold = max(10, Double(value(top)) * 0.2)
        var roots: [Int] = []
        for s in doc.children(parent) where !dropped[s] && nodes[s].tag != .text {
            if s == top { roots.append(s); continue }
            let density = linkDensity(s)
            if nodes[s].tag == .p {
                if (value(s) > 80 && density < 0.25) || (value(s) > 0 && density == 0 && endsSentence(s)) { roots.append(s) }
            } else if Double(value(s)) >= threshold && density < 0.25 && !nodes[s].tag.isHeading {
                roots.append(s)
            }
        }
        return roots
    }

    private func endsSentence(_ node: Int) -> Bool {
        let t = doc.textContent(node)
        return t.hasSuffix(".") || t.hasSuffix("!") || t.hasSuffix("?") || t.hasSuffix("\u{201D}")
    }

    private func initialScore(_ node: Int) -> Double {
        var s: Double
        switch doc.nodes[node].tag {
        case .div, .article, .section, .main: s = 5
        case .pre, .td, .blockquote: s = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: s = -5
        default: s = 0
        }
        for name in ["class", "id"] as [StaticString] {
            guard let r = doc.attributeRange(node, name) else { continue }
            let lower = r.map { HTMLBytes.lower(doc.source[$0]) }
            if Self.negativeNames.contains(where: { HTMLBytes.contains(lower, $0) }) { s -= 25 }
            if Self.positiveNames.contains(where: { HTMLBytes.contains(lower, $0) }) { s += 25 }
        }
        return s
    }
}
