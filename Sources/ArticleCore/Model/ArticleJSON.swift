/// The one-line JSON form of an article printed by `articled parse`, fields in the contract's order.
/// Written by hand because JSONSerialization neither keeps key order nor leaves "/" unescaped.
public enum ArticleJSON {
    public static func encode(_ a: Article) -> String {
        var out = JSONWriter()
        out.raw("{")
        out.key("source_path", first: true); out.string(a.sourcePath)
        out.key("format"); out.string(a.format.rawValue)
        out.key("title"); out.string(a.title)
        out.key("kicker"); out.string(a.kicker)
        out.key("dek"); out.string(a.dek)
        out.key("authors"); out.strings(a.authors)
        out.key("dateline"); out.string(a.dateline)
        out.key("published_at"); out.string(a.publishedAt)
        out.key("published_at_source"); out.string(a.publishedAtSource?.rawValue)
        out.key("publisher"); out.string(a.publisher)
        out.key("url"); out.string(a.url)
        out.key("language"); out.string(a.language)
        out.key("paragraphs"); out.strings(a.paragraphs)
        out.key("captions")
        out.array(a.captions) { w, c in
            w.raw("{"); w.key("text", first: true); w.string(c.text); w.key("credit"); w.string(c.credit); w.raw("}")
        }
        out.key("quotes")
        out.array(a.quotes) { w, q in
            w.raw("{"); w.key("text", first: true); w.string(q.text); w.key("speaker"); w.string(q.speaker); w.raw("}")
        }
        out.key("removed"); out.strings(a.removed)
        out.key("word_count"); out.raw(String(a.wordCount))
        out.key("content_hash"); out.string(a.contentHash)
        out.key("simhash"); out.string(a.simhashHex)
        out.raw("}")
        return out.result
    }

    /// A JSON string literal, quotes included: control characters as \u00XX, non-ASCII kept as UTF-8.
    public static func quoted(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return w.result
    }
}

struct JSONWriter {
    private var bytes: [UInt8] = []

    var result: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func key(_ name: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func strings(_ values: [String]) {
        array(values) { w, s in w.string(s) }
    }

    mutating func array<T>(_ values: [T], _ element: (inout JSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, v)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String?) {
        guard let value else { raw("null"); return }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
