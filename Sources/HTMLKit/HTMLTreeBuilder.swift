/// Builds the element tree from tokens with the parts of the HTML5 tree rules that matter for text:
/// implied end tags (`<p>` closed by the next block, `<li>` by the next item), end tags that close
/// whatever is still open inside them, stray end tags ignored. Templates, SVG, MathML and form widgets
/// are skipped whole. Nesting deeper than `maxDepth` is flattened so broken pages stay linear.
package struct HTMLTreeBuilder {
    package static let maxDepth = 256

    private var tokenizer: HTMLTokenizer
    private(set) var document: HTMLDocument
    private var stack: [Int] = [HTMLDocument.root]
    /// Open elements per tag, so the common "is a <p> open?" question is answered without a stack walk.
    private var openCount = [Int](repeating: 0, count: 256)
    private var ignored: (tag: HTMLTag, name: Range<Int>, depth: Int)?
    /// The raw-text element whose body the next `.rawText` token is, and whether it is JSON-LD.
    private var rawOwner: (tag: HTMLTag, isJSONLD: Bool)?
    private var sawBody = false
    private var sawHTML = false

    package init(bytes: [UInt8]) {
        tokenizer = HTMLTokenizer(bytes: bytes)
        document = HTMLDocument(source: bytes)
        document.nodes.reserveCapacity(bytes.count / 40)
        document.text.reserveCapacity(bytes.count / 3)
    }

    package mutating func build() {
        while let token = tokenizer.next() {
            switch token {
            case .text(let r): text(r)
            case .rawText(let r): rawText(r)
            case .startTag(let tag, let name, let attrs, let selfClosing): startTag(tag, name: name, attributes: attrs, selfClosing: selfClosing)
            case .endTag(let tag, let name): endTag(tag, name: name)
            }
        }
        while stack.count > 1 { pop() }
        document.nodes[HTMLDocument.root].end = document.nodes.count
        document.attributes = tokenizer.attributes
    }

    private mutating func text(_ r: Range<Int>) {
        guard ignored == nil else { return }
        let start = document.text.count
        HTMLEntities.decode(document.source, r, into: &document.text)
        let end = document.text.count
        guard end > start else { return }
        let parent = stack[stack.count - 1]
        let last = document.nodes[parent].lastChild
        if last >= 0, document.nodes[last].tag == .text, document.nodes[last].range.upperBound == start {
            document.nodes[last].range = document.nodes[last].range.lowerBound..<end
            return
        }
        append(HTMLNode(tag: .text, parent: parent, end: 0, name: 0..<0, range: start..<end))
    }

    private mutating func rawText(_ r: Range<Int>) {
        guard let owner = rawOwner else { return }
        rawOwner = nil
        guard ignored == nil else { return }
        if owner.tag == .title, document.title == nil {
            document.title = HTMLEntities.decoded(document.source, r, inAttribute: false)
        } else if owner.isJSONLD {
            document.jsonLD.append(r)
        }
    }

    private mutating func startTag(_ tag: HTMLTag, name: Range<Int>, attributes: Range<Int>, selfClosing: Bool) {
        if let skip = ignored {
            if !selfClosing, sameName(tag, name, skip.tag, skip.name) { ignored!.depth += 1 }
            if tag.isRawText { rawOwner = (tag, false) }
            return
        }
        if tag.isIgnoredSubtree {
            if !selfClosing { ignored = (tag, name, 1) }
            return
        }
        if tag.isRawText {
            var isJSONLD = false
            if tag == .script {
                for k in attributes where HTMLBytes.equalsLowercased(document.source, tokenizer.attributes[k].name, "type") {
                    isJSONLD = HTMLBytes.equalsLowercased(document.source, trimmed(tokenizer.attributes[k].value), "application/ld+json")
                }
            }
            rawOwner = (tag, isJSONLD)
            return
        }
        // A second <html> or <body> adds nothing a text reader needs.
        if tag == .html { if sawHTML { return }; sawHTML = true }
        if tag == .body { if sawBody { return }; sawBody = true }
        closeImplied(before: tag)
        let parent = stack[stack.count - 1]
        let index = document.nodes.count
        append(HTMLNode(tag: tag, parent: parent, end: index + 1, name: name, range: attributes))
        if !tag.isVoid && stack.count < Self.maxDepth {
            stack.append(index)
            openCount[Int(tag.rawValue)] += 1
        }
    }

    private mutating func endTag(_ tag: HTMLTag, name: Range<Int>) {
        if let skip = ignored {
            if sameName(tag, name, skip.tag, skip.name) {
                ignored!.depth -= 1
                if ignored!.depth == 0 { ignored = nil }
            }
            return
        }
        switch tag {
        case .br:
            // "</br>" is read as "<br>", as browsers do.
            startTag(.br, name: name, attributes: 0..<0, selfClosing: false)
            return
        case .html, .body, .head:
            // Content after "</body>" still belongs to the body.
            return
        default:
            break
        }
        if openCount[Int(tag.rawValue)] == 0 { return }
        var k = stack.count - 1
        while k > 0 {
            let node = document.nodes[stack[k]]
            if sameName(node.tag, node.name, tag, name) {
                while stack.count > k { pop() }
                return
            }
            // An end tag does not reach out of a table cell or table it was not opened in.
            if isScopeBoundary(node.tag) && !isTablePart(tag) { return }
            k -= 1
        }
    }

    private mutating func closeImplied(before tag: HTMLTag) {
        let p = Int(HTMLTag.p.rawValue)
        if tag.closesParagraph && openCount[p] > 0 { closeOpen([.p], stoppingAt: [.button]) }
        switch tag {
        case .li:
            closeOpen([.li], stoppingAt: [.ul, .ol, .menu, .dir])
        case .dt, .dd:
            closeOpen([.dt, .dd], stoppingAt: [.dl])
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if document.nodes[stack[stack.count - 1]].tag.isHeading { pop() }
        case .tr:
            closeOpen([.tr], stoppingAt: [.table, .thead, .tbody, .tfoot])
        case .td, .th:
            closeOpen([.td, .th], stoppingAt: [.tr, .table])
        case .thead, .tbody, .tfoot:
            closeOpen([.thead, .tbody, .tfoot], stoppingAt: [.table])
        case .option, .optgroup:
            if document.nodes[stack[stack.count - 1]].tag == .option { pop() }
        case .a:
            // Links do not nest: a new <a> ends the one left open.
            if openCount[Int(HTMLTag.a.rawValue)] > 0 { closeOpen([.a], stoppingAt: []) }
        default:
            break
        }
    }

    /// Pops through the nearest open element among `tags`, unless a boundary or a scope edge comes first.
    private mutating func closeOpen(_ tags: [HTMLTag], stoppingAt boundaries: [HTMLTag]) {
        guard tags.contains(where: { openCount[Int($0.rawValue)] > 0 }) else { return }
        var k = stack.count - 1
        while k > 0 {
            let t = document.nodes[stack[k]].tag
            if tags.contains(t) {
                while stack.count > k { pop() }
                return
            }
            if boundaries.contains(t) || isScopeBoundary(t) { return }
            k -= 1
        }
    }

    private func isScopeBoundary(_ tag: HTMLTag) -> Bool {
        tag == .td || tag == .th || tag == .table || tag == .caption || tag == .html
    }

    private func isTablePart(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th: return true
        default: return false
        }
    }

    private func sameName(_ a: HTMLTag, _ aName: Range<Int>, _ b: HTMLTag, _ bName: Range<Int>) -> Bool {
        guard a == b else { return false }
        guard a == .other else { return true }
        guard aName.count == bName.count else { return false }
        let s = document.source
        return zip(aName, bName).allSatisfy { HTMLBytes.lower(s[$0]) == HTMLBytes.lower(s[$1]) }
    }

    private func trimmed(_ r: Range<Int>) -> Range<Int> {
        var r = r
        let s = document.source
        while !r.isEmpty, HTMLBytes.isSpace(s[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while !r.isEmpty, HTMLBytes.isSpace(s[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        return r
    }

    private mutating func append(_ node: HTMLNode) {
        let index = document.nodes.count
        var node = node
        if node.end == 0 { node.end = index + 1 }
        let parent = node.parent
        document.nodes.append(node)
        let last = document.nodes[parent].lastChild
        if last >= 0 { document.nodes[last].nextSibling = index } else { document.nodes[parent].firstChild = index }
        document.nodes[parent].lastChild = index
    }

    private mutating func pop() {
        let index = stack.removeLast()
        document.nodes[index].end = document.nodes.count
        openCount[Int(document.nodes[index].tag.rawValue)] -= 1
    }
}
