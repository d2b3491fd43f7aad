import HTMLKit

/// The whole page as a reader's select-all and copy would give it: every visible block on a line of its
/// own, menus and footers included. A page whose article the finder cannot place is read this way, by
/// the same rules and body model as a copied `.txt`, which were made for exactly such text.
enum HTMLCopiedText {
    static func text(_ doc: HTMLDocument) -> String {
        var lines: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let line = HTMLText.collapsed(current)
            if !line.isEmpty { lines.append(line) }
            current.removeAll(keepingCapacity: true)
        }
        var blockEnds: [Int] = []
        var k = HTMLDocument.root + 1
        while k < doc.nodes.count {
            while let end = blockEnds.last, end <= k {
                blockEnds.removeLast()
                flush()
            }
            let node = doc.nodes[k]
            switch node.tag {
            case .text:
                current.append(contentsOf: doc.text[node.range])
                k += 1
                continue
            // Not `.head`: the tree keeps a body that follows an unclosed <head> inside it, and a browser
            // shows that body. What a head holds is skipped element by element.
            case .title, .meta, .link, .base, .button, .option:
                k = node.end
                continue
            default:
                break
            }
            if node.tag.isRawText || node.tag.isIgnoredSubtree || isHidden(doc, k) {
                k = node.end
                continue
            }
            if node.tag == .br {
                flush()
            } else if node.tag.isBlock {
                flush()
                blockEnds.append(node.end)
            } else if node.tag == .img || node.tag == .input {
                // Replaced elements separate the words around them.
                current.append(0x20)
            }
            k += 1
        }
        flush()
        // A blank line between blocks, as a browser's copy of block elements gives.
        return lines.joined(separator: "\n\n")
    }

    /// What a browser does not show, so a copy does not hold it.
    static func isHidden(_ doc: HTMLDocument, _ node: Int) -> Bool {
        if doc.hasAttribute(node, "hidden") { return true }
        if let style = doc.attributeRange(node, "style"), HTMLChrome.hidesElement(doc.source, style) { return true }
        return false
    }
}
