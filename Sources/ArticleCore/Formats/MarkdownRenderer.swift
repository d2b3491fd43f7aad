import CCmark
import TextKit

/// Markdown to the plain page text the layout rules read: one line per paragraph, heading or list item,
/// blocks separated by blank lines; links keep their text, images and markup disappear. libcmark reads
/// the CommonMark; this walks its tree, so nesting depth costs no stack (hostile files nest quotes deeply).
enum MarkdownRenderer {
    struct Rendered {
        var text: String
        /// The first level-1 heading, the article's title when front matter gives none.
        var firstHeading: String?
    }

    static func render(_ markdown: String) -> Rendered {
        var source = markdown
        let document = source.withUTF8 { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        guard let document else { return Rendered(text: "", firstHeading: nil) }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return Rendered(text: "", firstHeading: nil) }
        defer { cmark_iter_free(iterator) }

        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [String] = []
        var firstHeading: String?
        var inline: [UInt8] = []
        var collecting = false
        var imageDepth = 0

        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    inline.removeAll(keepingCapacity: true)
                    collecting = true
                } else {
                    collecting = false
                    let text = TextFold.collapseSpaces(String(decoding: inline, as: UTF8.self))
                    if type == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 1 && firstHeading == nil {
                        firstHeading = text
                    }
                    if !text.isEmpty { blocks.append(text) }
                }
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if collecting && imageDepth == 0 { appendLiteral(node, to: &inline) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if collecting && imageDepth == 0 { inline.append(0x20) }
            case CMARK_NODE_CODE_BLOCK:
                blocks += codeBlock(node, lines: lines)
            case CMARK_NODE_HTML_BLOCK:
                let text = TextFold.collapseSpaces(withoutTags(literal(node)))
                if !text.isEmpty { blocks.append(text) }
            default:
                // Containers (quotes, lists, items), emphasis and links: their text is in their children.
                // Inline HTML and thematic breaks carry no article text.
                break
            }
        }
        return Rendered(text: blocks.joined(separator: "\n\n"), firstHeading: firstHeading)
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func appendLiteral(_ node: OpaquePointer, to out: inout [UInt8]) {
        guard let literal = cmark_node_get_literal(node) else { return }
        var p = literal
        while p.pointee != 0 {
            out.append(UInt8(bitPattern: p.pointee))
            p += 1
        }
    }

    /// A fenced block is code the writer set apart: each of its lines stands alone. An indented block is
    /// usually prose a copy indented, so it reads as one paragraph, as the surrounding text does.
    private static func codeBlock(_ node: OpaquePointer, lines: [Substring]) -> [String] {
        let code = literal(node).split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        let start = Int(cmark_node_get_start_line(node)) - 1
        let opener = lines.indices.contains(start) ? lines[start].trimmingSpaces : ""
        if opener.hasPrefix("```") || opener.hasPrefix("~~~") { return code }
        let paragraph = TextFold.collapseSpaces(code.joined(separator: " "))
        return paragraph.isEmpty ? [] : [paragraph]
    }

    /// An HTML block's text without its tags and comments, as a browser would show the words.
    private static func withoutTags(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var inTag = false
        for (i, scalar) in scalars.enumerated() {
            if inTag {
                if scalar == ">" { inTag = false }
            } else if scalar == "<", i + 1 < scalars.count,
                      scalars[i + 1] == "/" || scalars[i + 1] == "!" || scalars[i + 1].properties.isAlphabetic {
                inTag = true
            } else {
                out.append(scalar == "\n" ? " " : scalar)
            }
        }
        return String(out)
    }
}
