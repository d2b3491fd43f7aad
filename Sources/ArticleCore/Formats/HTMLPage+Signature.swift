import HTMLKit

extension HTMLPage {
    /// Longest line read as the site's signature; a © line is a short legal notice, never a paragraph.
    static let signatureMaxBytes = 300

    /// The page's own rights line ("Copyright © 2013 Harbor Valley Sentinel. All rights reserved."), read
    /// from outside the article: the last line of the page that carries ©, "Copyright" or a rights phrase.
    ///
    /// A copied page keeps its footer and the text rules name the outlet from it; an HTML footer is chrome,
    /// so it never reaches the text and a page whose markup states no site name went unsigned. The last such
    /// line is the site's own: earlier ones are photo credits and syndicated widgets. Text inside the
    /// article is not looked at, so a story that quotes another outlet's notice is not credited to it.
    static func signatureLine(_ doc: HTMLDocument, finder: HTMLContentFinder) -> String? {
        let nodes = doc.nodes
        var k = nodes.count - 1
        while k > HTMLDocument.root {
            if nodes[k].tag == .text, !finder.isInRoots(k), mentionsRights(doc.text, nodes[k].range) {
                let line = lineAround(doc, text: k)
                if !line.isEmpty, line.utf8.count <= signatureMaxBytes { return line }
            }
            k -= 1
        }
        return nil
    }

    /// © (U+00A9), "copyright" or "rights reserved" in any case, "droits réservés", "derechos reservados",
    /// "rechte vorbehalten", "diritti riservati": the rights phrases `PublisherNameFinder` reads.
    static func mentionsRights(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            let b = text[k]
            if b == 0xC2, k + 1 < range.upperBound, text[k + 1] == 0xA9 { return true }
            switch b | 0x20 {
            case 0x63 where HTMLBytes.hasPrefixLowercased(text, at: k, "copyright"): return true
            case 0x72 where HTMLBytes.hasPrefixLowercased(text, at: k, "rights reserved")
                || HTMLBytes.hasPrefixLowercased(text, at: k, "rechte vorbehalten"): return true
            case 0x64 where HTMLBytes.hasPrefixLowercased(text, at: k, "droits r\u{00E9}serv")
                || HTMLBytes.hasPrefixLowercased(text, at: k, "derechos reservados")
                || HTMLBytes.hasPrefixLowercased(text, at: k, "diritti riservati"): return true
            default: break
            }
            k += 1
        }
        return false
    }

    /// The rendered line holding text node `k`: the text of its nearest block between the `<br>`s and
    /// nested blocks around it, as a footer prints "About | Privacy<br>Copyright © …<br>Site by …".
    static func lineAround(_ doc: HTMLDocument, text k: Int) -> String {
        let nodes = doc.nodes
        var block = nodes[k].parent
        while block > HTMLDocument.root, !nodes[block].tag.isBlock { block = nodes[block].parent }
        var line: [UInt8] = []
        var i = block + 1
        let end = nodes[block].end
        while i < end {
            let node = nodes[i]
            if node.tag == .br || (node.tag != .text && node.tag.isBlock) {
                if i > k { break }
                line.removeAll(keepingCapacity: true)
                i = node.tag == .br ? i + 1 : node.end
                continue
            }
            if node.tag == .text { line.append(contentsOf: doc.text[node.range]) }
            i += 1
        }
        return HTMLText.collapsed(line)
    }
}
