/// One attribute as byte ranges of the source; values are decoded only when someone asks for them,
/// because most attributes of a page (styles, data-*, tracking) are never read.
package struct HTMLAttribute {
    package var name: Range<Int>
    package var value: Range<Int>
}

package enum HTMLToken: Equatable {
    /// Character data, entities not yet decoded; may contain a stray `<` that starts no tag.
    case text(Range<Int>)
    /// `attributes` indexes `HTMLTokenizer.attributes`.
    case startTag(HTMLTag, name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
    case endTag(HTMLTag, name: Range<Int>)
    /// The body of a raw-text element (`<script>`, `<style>`, `<title>`, …), sent between its start and end tag.
    case rawText(Range<Int>)
}

/// Splits HTML bytes into tokens in one forward pass, forgiving as browsers are: a `<` that starts no tag
/// is text, uppercase names and unquoted values are fine, a comment without `-->` ends at the next `>`
/// or line end, an attribute quote left open ends at the tag's `>`, and a tag cut off by the end of the
/// file is dropped.
package struct HTMLTokenizer {
    package let bytes: [UInt8]
    private(set) var attributes: [HTMLAttribute] = []
    private var i = 0
    /// Set after the start tag of a raw-text element: the next token is its body.
    private var rawElement: (tag: HTMLTag, name: Range<Int>)?
    private var pendingEnd: (tag: HTMLTag, name: Range<Int>)?

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        attributes.reserveCapacity(bytes.count / 64)
    }

    package mutating func next() -> HTMLToken? {
        if let end = pendingEnd {
            pendingEnd = nil
            return .endTag(end.tag, name: end.name)
        }
        if let raw = rawElement {
            rawElement = nil
            return rawText(raw.tag, name: raw.name)
        }
        let b = bytes
        let n = b.count
        while i < n {
            if b[i] != 0x3C {
                return text()
            }
            if let token = markup() { return token }
        }
        return nil
    }

    /// Text up to the next `<` that opens markup.
    private mutating func text() -> HTMLToken {
        let start = i
        i = bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var k = start
            while k < n {
                if b[k] == 0x3C && k + 1 < n {
                    let c = b[k + 1]
                    if HTMLBytes.isLetter(c) || c == 0x2F || c == 0x21 || c == 0x3F { break }
                }
                k += 1
            }
            return k
        }
        return .text(start..<i)
    }

    /// The markup at the `<` at `i`: a tag token, or nil after skipping a comment, doctype or CDATA section.
    /// A `<` that opens nothing is returned as one byte of text.
    private mutating func markup() -> HTMLToken? {
        let b = bytes
        let n = b.count
        guard i + 1 < n else { i = n; return .text((n - 1)..<n) }
        let c = b[i + 1]
        if HTMLBytes.isLetter(c) { return startTag() }
        if c == 0x2F {
            guard i + 2 < n else { i = n; return nil }
            if HTMLBytes.isLetter(b[i + 2]) { return endTag() }
            // "</>" is dropped, "</ x>" is a bogus comment: both vanish up to the next ">".
            i = find(0x3E, from: i + 2).map { $0 + 1 } ?? n
            return nil
        }
        if c == 0x21 {
            if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
                skipComment()
            } else if HTMLBytes.hasPrefixLowercased(b, at: i + 2, "[cdata[") {
                i = find([0x5D, 0x5D, 0x3E], from: i + 9).map { $0 + 3 } ?? n
            } else {
                i = find(0x3E, from: i + 2).map { $0 + 1 } ?? n
            }
            return nil
        }
        if c == 0x3F {
            i = find(0x3E, from: i + 2).map { $0 + 1 } ?? n
            return nil
        }
        i += 1
        return .text((i - 1)..<i)
    }

    private mutating func skipComment() {
        let n = bytes.count
        let open = i + 4
        // "<!-->" and "<!--->" are complete, empty comments.
        if open < n && bytes[open] == 0x3E { i = open + 1; return }
        if open + 1 < n && bytes[open] == 0x2D && bytes[open + 1] == 0x3E { i = open + 2; return }
        if let close = find([0x2D, 0x2D, 0x3E], from: open) {
            i = close + 3
        } else {
            // Unterminated: end at the next ">" or line end instead of swallowing the rest of the page.
            var k = open
            while k < n, bytes[k] != 0x3E, bytes[k] != 0x0A { k += 1 }
            i = k < n && bytes[k] == 0x3E ? k + 1 : k
        }
    }

    private mutating func startTag() -> HTMLToken? {
        let b = bytes
        let n = b.count
        let nameStart = i + 1
        var k = nameStart
        while k < n, !HTMLBytes.isSpace(b[k]), b[k] != 0x2F, b[k] != 0x3E { k += 1 }
        let nameRange = nameStart..<k
        let tag = HTMLTag.named(b, nameRange)
        let first = attributes.count
        var selfClosing = false
        while true {
            while k < n, HTMLBytes.isSpace(b[k]) || b[k] == 0x2F {
                if b[k] == 0x2F && k + 1 < n && b[k + 1] == 0x3E { selfClosing = true }
                k += 1
            }
            // A tag cut off by the end of the file is not a tag.
            guard k < n else {
                attributes.removeSubrange(first...)
                i = n
                return nil
            }
            if b[k] == 0x3E {
                k += 1
                break
            }
            let attrStart = k
            k += 1
            while k < n, !HTMLBytes.isSpace(b[k]), b[k] != 0x2F, b[k] != 0x3E, b[k] != 0x3D { k += 1 }
            let attrName = attrStart..<k
            while k < n, HTMLBytes.isSpace(b[k]) { k += 1 }
            var value = k..<k
            if k < n && b[k] == 0x3D {
                k += 1
                while k < n, HTMLBytes.isSpace(b[k]) { k += 1 }
                if k < n && (b[k] == 0x22 || b[k] == 0x27) {
                    let quote = b[k]
                    if let close = find(quote, from: k + 1) {
                        value = (k + 1)..<close
                        k = close + 1
                    } else {
                        // An unclosed quote ends at the tag's ">" rather than at the end of the page.
                        let gt = find(0x3E, from: k + 1) ?? n
                        value = (k + 1)..<gt
                        k = gt
                    }
                } else {
                    let start = k
                    while k < n, !HTMLBytes.isSpace(b[k]), b[k] != 0x3E { k += 1 }
                    value = start..<k
                }
            }
            attributes.append(HTMLAttribute(name: attrName, value: value))
        }
        i = k
        if tag.isRawText || tag == .plaintext { rawElement = (tag, nameRange) }
        return .startTag(tag, name: nameRange, attributes: first..<attributes.count, selfClosing: selfClosing)
    }

    private mutating func endTag() -> HTMLToken? {
        let b = bytes
        let n = b.count
        let nameStart = i + 2
        var k = nameStart
        while k < n, !HTMLBytes.isSpace(b[k]), b[k] != 0x2F, b[k] != 0x3E { k += 1 }
        let tag = HTMLTag.named(b, nameStart..<k)
        guard let gt = find(0x3E, from: k) else { i = n; return nil }
        i = gt + 1
        return .endTag(tag, name: nameStart..<k)
    }

    /// The body of a raw-text element, up to `</name` followed by a space, `/` or `>`; the end tag is
    /// consumed and sent next. `<plaintext>` has no end: the rest of the file is its body.
    private mutating func rawText(_ tag: HTMLTag, name: Range<Int>) -> HTMLToken {
        let b = bytes
        let n = b.count
        let start = i
        guard tag != .plaintext else { i = n; return .rawText(start..<n) }
        var k = start
        while let lt = find(0x3C, from: k) {
            k = lt + 1
            guard lt + 2 + name.count <= n, b[lt + 1] == 0x2F else { continue }
            var same = true
            for (offset, j) in name.enumerated() where HTMLBytes.lower(b[lt + 2 + offset]) != HTMLBytes.lower(b[j]) {
                same = false
                break
            }
            guard same else { continue }
            let after = lt + 2 + name.count
            guard after == n || HTMLBytes.isSpace(b[after]) || b[after] == 0x2F || b[after] == 0x3E else { continue }
            i = find(0x3E, from: after).map { $0 + 1 } ?? n
            pendingEnd = (tag, (lt + 2)..<after)
            return .rawText(start..<lt)
        }
        i = n
        return .rawText(start..<n)
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var k = start
            while k < b.count {
                if b[k] == byte { return k }
                k += 1
            }
            return nil
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        let n = bytes.count
        let m = needle.count
        var k = start
        while k + m <= n {
            if bytes[k] == needle[0] {
                var j = 1
                while j < m, bytes[k + j] == needle[j] { j += 1 }
                if j == m { return k }
            }
            k += 1
        }
        return nil
    }
}
