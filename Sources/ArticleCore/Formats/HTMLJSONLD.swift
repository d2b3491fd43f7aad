import TextKit
import HTMLKit

/// The article object of a page's JSON-LD (`<script type="application/ld+json">`): a `NewsArticle`,
/// `Article`, `BlogPosting` or other `…Article` type, found at the top, in a list or in an `@graph`.
struct HTMLJSONLD {
    var headline: String?
    var datePublished: String?
    var url: String?
    var publisher: String?
    var language: String?
    var authors: [String] = []

    /// The first article object among the page's JSON-LD scripts; scripts that are not valid JSON are skipped,
    /// since a broken widget script should not cost the page its article.
    static func read(_ doc: HTMLDocument) -> HTMLJSONLD? {
        for range in doc.jsonLD {
            var body = String(decoding: doc.source[range], as: UTF8.self).trimmingSpaces
            // Old CMS templates wrap the data in comment or CDATA guards.
            for guardText in ["<!--", "//<![CDATA[", "/*<![CDATA[*/"] where body.hasPrefix(guardText) {
                body = String(body.dropFirst(guardText.count))
            }
            for guardText in ["-->", "//]]>", "/*]]>*/"] where body.hasSuffix(guardText) {
                body = String(body.dropLast(guardText.count))
            }
            guard case .success(let value) = JSONArticleReader.parseObject(body, line: nil),
                  let object = articleObject(in: value, depth: 0) else { continue }
            return HTMLJSONLD(object)
        }
        return nil
    }

    private init(_ o: [String: Any]) {
        headline = Self.string(o["headline"]) ?? Self.string(o["name"])
        datePublished = Self.string(o["datePublished"]) ?? Self.string(o["dateCreated"])
        url = Self.string(o["url"]) ?? Self.string(o["mainEntityOfPage"]) ?? Self.string((o["mainEntityOfPage"] as? [String: Any])?["@id"])
        publisher = Self.name(o["publisher"])
        language = Self.string(o["inLanguage"])
        authors = Self.names(o["author"])
        if authors.isEmpty { authors = Self.names(o["creator"]) }
    }

    private static func articleObject(in value: Any, depth: Int) -> [String: Any]? {
        guard depth < 5 else { return nil }
        if let list = value as? [Any] {
            for item in list { if let found = articleObject(in: item, depth: depth + 1) { return found } }
            return nil
        }
        guard let object = value as? [String: Any] else { return nil }
        if isArticle(object["@type"]) { return object }
        if let graph = object["@graph"] { return articleObject(in: graph, depth: depth + 1) }
        return nil
    }

    static func isArticle(_ type: Any?) -> Bool {
        if let list = type as? [Any] { return list.contains { isArticle($0) } }
        guard let t = type as? String else { return false }
        return t.hasSuffix("Article") || t.hasSuffix("BlogPosting") || t == "Report"
    }

    /// JSON-LD strings are sometimes written HTML-escaped ("Mayor&#039;s plan").
    private static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let bytes = Array(s.utf8)
        let decoded = HTMLEntities.decoded(bytes, 0..<bytes.count, inAttribute: false)
        let clean = HTMLText.collapsed(Array(decoded.utf8))
        return clean.isEmpty ? nil : clean
    }

    private static func name(_ value: Any?) -> String? {
        if let s = string(value) { return s }
        if let o = value as? [String: Any] { return string(o["name"]) }
        if let list = value as? [Any] { return list.lazy.compactMap { name($0) }.first }
        return nil
    }

    private static func names(_ value: Any?) -> [String] {
        if let list = value as? [Any] { return list.compactMap { name($0) } }
        return name(value).map { [$0] } ?? []
    }
}
