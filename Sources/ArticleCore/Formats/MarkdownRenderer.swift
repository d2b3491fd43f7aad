import TextKit

/// Markdown to the plain page text the layout rules read: one line per paragraph, heading or list item,
/// blocks separated by blank lines; links keep their text, images and markup disappear.
enum MarkdownRenderer {
    struct Rendered {
        var text: String
        /// The first level-1 heading, the article's title when front matter gives none.
        var firstHeading: String?
    }

    static func render(_ markdown: String) -> Rendered {
        var blocks: [String] = []
        var paragraph: [String] = []
        var firstHeading: String?
        var inFence = false
        func flush() {
            if !paragraph.isEmpty {
                let text = inline(paragraph.joined(separator: " "))
                if !text.isEmpty { blocks.append(text) }
                paragraph.removeAll()
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingSpaces
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                if !line.isEmpty { blocks.append(line) }
                continue
            }
            while line.hasPrefix(">") { line = String(line.dropFirst()).trimmingSpaces }
            if line.isEmpty { flush(); continue }
            // Setext underline: the paragraph line above is a heading.
            if !paragraph.isEmpty, line.allSatisfy({ $0 == "=" }) || (line.count >= 2 && line.allSatisfy({ $0 == "-" })) {
                let heading = inline(paragraph.joined(separator: " "))
                paragraph.removeAll()
                if line.first == "=" && firstHeading == nil { firstHeading = heading }
                if !heading.isEmpty { blocks.append(heading) }
                continue
            }
            if isRule(line) { flush(); continue }
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                let rest = line.dropFirst(level)
                if level <= 6, rest.isEmpty || rest.first == " " {
                    flush()
                    var text = rest.trimmingSpaces
                    while text.hasSuffix("#") { text.removeLast() }
                    let heading = inline(text.trimmingSpaces)
                    if level == 1 && firstHeading == nil { firstHeading = heading }
                    if !heading.isEmpty { blocks.append(heading) }
                    continue
                }
            }
            if let item = listItem(line) {
                flush()
                paragraph = [item]
                continue
            }
            if isReferenceDefinition(line) { continue }
            paragraph.append(line)
        }
        flush()
        return Rendered(text: blocks.joined(separator: "\n\n"), firstHeading: firstHeading)
    }

    static func isRule(_ line: String) -> Bool {
        let chars = line.filter { $0 != " " }
        guard chars.count >= 3, let c = chars.first, c == "-" || c == "*" || c == "_" else { return false }
        return chars.allSatisfy { $0 == c }
    }

    static func listItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
            return String(line.dropFirst(2)).trimmingSpaces
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)).trimmingSpaces }
        }
        return nil
    }

    static func isReferenceDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(":")
    }

    /// Inline markup removed in one pass: images dropped, links to their text, emphasis and code marks gone.
    static func inline(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isAlnum(_ k: Int) -> Bool { k >= 0 && k < s.count && TextFold.isWordScalar(s[k]) }
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\" where i + 1 < s.count && "\\`*_{}[]()#+-.!<>~|\"".unicodeScalars.contains(s[i + 1]):
                out.append(s[i + 1])
                i += 2
            case "!" where i + 1 < s.count && s[i + 1] == "[":
                if let (_, end) = link(s, at: i + 1) { i = end } else { out.append(c); i += 1 }
            case "[":
                if let (label, end) = link(s, at: i) {
                    out.append(contentsOf: inline(label).unicodeScalars)
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            case "<":
                // Autolinks keep their address; inline HTML tags go.
                if let close = s[i...].firstIndex(of: ">"), close - i < 200 {
                    var inner = String.UnicodeScalarView()
                    inner.append(contentsOf: s[(i + 1)..<close])
                    let tag = String(inner)
                    if tag.hasPrefix("http://") || tag.hasPrefix("https://") || tag.hasPrefix("mailto:") {
                        out.append(contentsOf: inner)
                    }
                    i = close + 1
                } else {
                    out.append(c)
                    i += 1
                }
            case "`":
                i += 1
            case "*", "~":
                i += 1
            case "_":
                // snake_case stays; _emphasis_ loses its marks.
                if isAlnum(i - 1) && isAlnum(i + 1) { out.append(c) }
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return TextFold.collapseSpaces(String(out))
    }

    /// `[label](url)` or `[label][ref]` starting at `i`: the label and the index after the construct.
    static func link(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var depth = 0
        var j = i
        while j < s.count {
            if s[j] == "[" { depth += 1 }
            if s[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
            if j - i > 1000 { return nil }
        }
        guard j < s.count, j + 1 < s.count else { return nil }
        var label = String.UnicodeScalarView()
        label.append(contentsOf: s[(i + 1)..<j])
        let opener = s[j + 1]
        let closer: Unicode.Scalar = opener == "(" ? ")" : "]"
        guard opener == "(" || opener == "[" else { return nil }
        var k = j + 2
        var nested = 0
        while k < s.count {
            if s[k] == opener && opener == "(" { nested += 1 }
            if s[k] == closer { if nested == 0 { break }; nested -= 1 }
            k += 1
            if k - j > 2000 { return nil }
        }
        guard k < s.count else { return nil }
        return (String(label), k + 1)
    }
}
