import HTMLKit

extension HTMLTextEmitter {
    /// `<figcaption>`, or a box named for a caption ("wp-caption-text"); long boxes are not captions.
    func isCaption(_ i: Int) -> Bool {
        let tag = doc.nodes[i].tag
        if tag == .figcaption { return true }
        guard tag == .div || tag == .p || tag == .span, finder.textLength[i] <= 800,
              let cls = doc.attributeRange(i, "class") else { return false }
        return HTMLBytes.contains(cls.map { HTMLBytes.lower(doc.source[$0]) }, "caption")
    }

    /// The caption as one line when `CaptionParser` recognises it, so the text rules file it (and date the
    /// story by it) as they do for copied pages; otherwise kept aside in `captions`.
    ///
    /// Links are chrome in a caption when they are all of it ("Open gallery") or when they trail a credit
    /// the caption is only recognised without ("… REUTERS/X Purchase Licensing Rights, opens new tab");
    /// a credit that is itself a link ("Photo: <a>Jane Doe</a>") stays.
    mutating func caption(_ i: Int) {
        var text: [UInt8] = []
        var credit: [UInt8] = []
        var hasPlainText = false
        // Where the links that end the caption text begin, if it ends in links.
        var trailingLinks: Int?
        let end = doc.nodes[i].end
        var k = i + 1
        while k < end {
            let node = doc.nodes[k]
            if finder.dropped[k] && node.tag != .text {
                k = node.end
                continue
            }
            if node.tag == .br {
                text.append(0x20)
            } else if node.tag == .text {
                let bytes = doc.text[node.range]
                let visible = bytes.contains { !HTMLBytes.isSpace($0) }
                if isCredit(below: i, k) {
                    credit.append(contentsOf: bytes)
                    if visible { hasPlainText = true }
                } else {
                    if visible {
                        if isLink(below: i, k) {
                            if trailingLinks == nil { trailingLinks = text.count }
                        } else {
                            hasPlainText = true
                            trailingLinks = nil
                        }
                    }
                    text.append(contentsOf: bytes)
                }
            }
            k += 1
        }
        guard hasPlainText else { return }
        var body = HTMLText.collapsed(text)
        let by = HTMLText.collapsed(credit)
        guard !body.isEmpty else { return }
        var full = by.isEmpty ? body : body + " " + by
        if let cut = trailingLinks, CaptionParser.parse(full) == nil {
            let shorter = HTMLText.collapsed(Array(text[..<cut]))
            let shorterFull = by.isEmpty ? shorter : shorter + " " + by
            if !shorter.isEmpty, CaptionParser.parse(shorterFull) != nil {
                body = shorter
                full = shorterFull
            }
        }
        if CaptionParser.parse(full) != nil {
            blocks.append(Block(text: full, kind: .caption, owner: i, linkOnly: false))
        } else {
            captions.append(Caption(text: body, credit: by.isEmpty ? nil : CaptionParser.cleanCredit(by)))
        }
    }

    /// Text inside an `<a>` within the caption `top`.
    private func isLink(below top: Int, _ k: Int) -> Bool {
        var a = doc.nodes[k].parent
        while a > top {
            if doc.nodes[a].tag == .a { return true }
            a = doc.nodes[a].parent
        }
        return false
    }

    /// Text inside a `<small>`, `<cite>` or an element named for a credit, within the caption `top`.
    private func isCredit(below top: Int, _ k: Int) -> Bool {
        var a = doc.nodes[k].parent
        while a > top {
            let tag = doc.nodes[a].tag
            if tag == .small || tag == .cite { return true }
            if let cls = doc.attributeRange(a, "class") {
                let lower = cls.map { HTMLBytes.lower(doc.source[$0]) }
                if HTMLBytes.contains(lower, "credit") || HTMLBytes.contains(lower, "copyright")
                    || HTMLBytes.contains(lower, "photographer") || HTMLBytes.contains(lower, "source") {
                    return true
                }
            }
            a = doc.nodes[a].parent
        }
        return false
    }
}
