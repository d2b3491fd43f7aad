/// One element or text node. Nodes live in one array in document order, so a parent always comes before
/// its children and one backwards sweep sums any per-subtree figure.
package struct HTMLNode {
    package var tag: HTMLTag
    package var parent: Int
    package var firstChild = -1
    package var lastChild = -1
    package var nextSibling = -1
    /// One past the last node of the subtree: descendants are exactly `index + 1 ..< end`.
    package var end: Int
    /// Elements: the start tag's name in the source (for `.other` end-tag matching). Text: empty.
    package var name: Range<Int>
    /// Elements: indexes of `HTMLDocument.attributes`. Text nodes: the decoded text in `HTMLDocument.text`.
    package var range: Range<Int>
}

/// An HTML page as a tree, built by `HTMLTreeBuilder`, plus what the head carries outside the tree
/// (the `<title>` text and the JSON-LD script bodies).
package struct HTMLDocument {
    package let source: [UInt8]
    package var nodes: [HTMLNode]
    package var attributes: [HTMLAttribute]
    /// Decoded character data of all text nodes, back to back.
    package var text: [UInt8]
    /// The first `<title>` text, entities decoded.
    package var title: String?
    /// Bodies of `<script type="application/ld+json">`, as source ranges.
    package var jsonLD: [Range<Int>]

    package static let root = 0

    package init(bytes: [UInt8]) {
        var builder = HTMLTreeBuilder(bytes: bytes)
        builder.build()
        self = builder.document
    }

    package init(source: [UInt8]) {
        self.source = source
        nodes = [HTMLNode(tag: .other, parent: -1, end: 1, name: 0..<0, range: 0..<0)]
        attributes = []
        text = []
        jsonLD = []
    }

    /// Source range of the value of attribute `name` (lowercase) on element `node`.
    package func attributeRange(_ node: Int, _ name: StaticString) -> Range<Int>? {
        for k in nodes[node].range where HTMLBytes.equalsLowercased(source, attributes[k].name, name) {
            return attributes[k].value
        }
        return nil
    }

    /// The decoded value of attribute `name` (lowercase), whitespace collapsed.
    package func attribute(_ node: Int, _ name: StaticString) -> String? {
        guard let r = attributeRange(node, name) else { return nil }
        var out: [UInt8] = []
        HTMLEntities.decode(source, r, into: &out, inAttribute: true)
        return HTMLText.collapsed(out)
    }

    package func hasAttribute(_ node: Int, _ name: StaticString) -> Bool { attributeRange(node, name) != nil }

    /// Whether the attribute value equals `literal` (lowercase) ignoring case and surrounding spaces.
    package func attribute(_ node: Int, _ name: StaticString, is literal: StaticString) -> Bool {
        guard var r = attributeRange(node, name) else { return false }
        while !r.isEmpty, HTMLBytes.isSpace(source[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while !r.isEmpty, HTMLBytes.isSpace(source[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        return HTMLBytes.equalsLowercased(source, r, literal)
    }

    /// Children of `node` in order.
    package func children(_ node: Int) -> ChildSequence { ChildSequence(nodes: nodes, first: nodes[node].firstChild) }

    package struct ChildSequence: Sequence, IteratorProtocol {
        package let nodes: [HTMLNode]
        package var cursor: Int
        package init(nodes: [HTMLNode], first: Int) {
            self.nodes = nodes
            self.cursor = first
        }
        package mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            defer { cursor = nodes[cursor].nextSibling }
            return cursor
        }
    }

    /// Whether `ancestor` is `node` or one of its ancestors.
    @inline(__always)
    package func contains(_ ancestor: Int, _ node: Int) -> Bool {
        node >= ancestor && node < nodes[ancestor].end
    }

    /// Text of the subtree of `node`, whitespace collapsed to single spaces.
    package func textContent(_ node: Int) -> String {
        var out: [UInt8] = []
        for k in node..<nodes[node].end where nodes[k].tag == .text {
            out.append(contentsOf: text[nodes[k].range])
        }
        return HTMLText.collapsed(out)
    }
}
