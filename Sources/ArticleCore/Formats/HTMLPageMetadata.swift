import Foundation
import HTMLKit
import TextKit

/// What a page's markup states about its article: `<meta>` tags (Open Graph, Twitter, Dublin Core,
/// plain names), `<link rel="canonical">`, `rel="author"` links, `<time datetime>`, `<html lang>`,
/// JSON-LD. Turned into `ArticleMetadata`, it wins over what the text rules infer, as front matter does.
struct HTMLPageMetadata {
    /// Meta key (property, name or itemprop, lowercased) -> values in page order.
    var meta: [String: [String]] = [:]
    var canonical: String?
    var relAuthors: [String] = []
    var htmlLang: String?
    /// The first `<time datetime>` (or `pubdate`/`itemprop="datePublished"`) in the article.
    var articleTime: String?
    var jsonLD: HTMLJSONLD?
    var documentTitle: String?

    init(_ doc: HTMLDocument, finder: HTMLContentFinder) {
        documentTitle = doc.title.map { HTMLText.collapsed(Array($0.utf8)) }
        jsonLD = HTMLJSONLD.read(doc)
        var datedTime: String?
        for i in doc.nodes.indices {
            switch doc.nodes[i].tag {
            case .meta:
                guard let content = doc.attribute(i, "content"), !content.isEmpty else { continue }
                for keyName in ["property", "name", "itemprop", "http-equiv"] as [StaticString] {
                    guard let key = doc.attribute(i, keyName)?.lowercased(), !key.isEmpty else { continue }
                    meta[key, default: []].append(content)
                }
            case .link:
                if canonical == nil, let rel = doc.attribute(i, "rel")?.lowercased(),
                   rel.split(separator: " ").contains("canonical") {
                    canonical = doc.attribute(i, "href")
                }
            case .a:
                if let rel = doc.attribute(i, "rel")?.lowercased(), rel.split(separator: " ").contains("author") {
                    let name = doc.textContent(i)
                    if !name.isEmpty { relAuthors.append(name) }
                }
            case .html:
                if htmlLang == nil { htmlLang = doc.attribute(i, "lang") }
            case .time:
                guard !finder.dropped[i], let stamp = doc.attribute(i, "datetime"), !stamp.isEmpty else { continue }
                let inArticle = finder.insideArticle[i] || finder.isInRoots(i)
                let marked = doc.hasAttribute(i, "pubdate") || doc.attribute(i, "itemprop", is: "datepublished")
                if marked, datedTime == nil { datedTime = stamp }
                if inArticle, articleTime == nil { articleTime = stamp }
            default:
                continue
            }
        }
        articleTime = datedTime ?? articleTime
    }

    func first(_ keys: [String]) -> String? {
        for key in keys { if let v = meta[key]?.first(where: { !$0.isEmpty }) { return v } }
        return nil
    }

    static let dateKeys = [
        "article:published_time", "og:published_time", "date", "pubdate", "publish-date", "publishdate",
        "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
        "datepublished", "sailthru.date", "parsely-pub-date", "article.published",
    ]

    /// The stated fields; `heading` is the text of the article's `<h1>`.
    func metadata(heading: String?) -> ArticleMetadata {
        var m = ArticleMetadata()
        let site = first(["og:site_name"]) ?? jsonLD?.publisher
        m.publisher = site
        m.authors = authors(site: site)
        // Social titles are written like `<title>`s, site and section included; JSON-LD and the <h1> are not.
        let social = [first(["og:title"]), first(["twitter:title"])].map {
            $0.map { Self.strippingSections(Self.strippingByline(Self.strippingSite($0, site: site), authors: m.authors, heading: heading), heading: heading) }
        }
        let titles = social + [jsonLD?.headline, heading].map {
            $0.map { Self.strippingByline(Self.strippingSite($0, site: site), authors: m.authors, heading: heading) }
        }
        m.title = titles.lazy.compactMap { $0 }.first { !$0.isEmpty }
        let urls = [first(["og:url"]), canonical, jsonLD?.url]
        m.url = urls.lazy.compactMap { $0 }.first(where: Self.isAbsoluteURL)
        if let date = first(["article:published_time", "og:published_time"]) { m.publishedAt = ArticleMetadata.isoDate(date) }
        if m.publishedAt == nil, let date = jsonLD?.datePublished { m.publishedAt = ArticleMetadata.isoDate(date) }
        if m.publishedAt == nil, let date = first(Self.dateKeys) { m.publishedAt = ArticleMetadata.isoDate(date) }
        if m.publishedAt == nil, let date = articleTime { m.publishedAt = ArticleMetadata.isoDate(date) }
        let languages = [htmlLang, jsonLD?.language, first(["og:locale", "content-language", "language"])]
        m.language = languages.lazy.compactMap { $0.flatMap(Self.languageCode) }.first
        return m
    }

    /// The `<title>` without the site name: the weakest headline source, since many pages put only the
    /// site or section there.
    func documentHeadline() -> String? {
        let site = first(["og:site_name"]) ?? jsonLD?.publisher
        guard let full = documentTitle else { return nil }
        let t = Self.strippingSections(Self.strippingByline(Self.strippingSite(full, site: site), authors: authors(site: site), heading: nil),
                                       heading: nil)
        return t.isEmpty ? nil : t
    }

    /// Names from the first source that has any: JSON-LD, `<meta name="author">`, `article:author`
    /// (profile URLs skipped), `rel="author"` links. The outlet's own name is not an author.
    func authors(site: String?) -> [String] {
        let sources: [[String]] = [jsonLD?.authors ?? [], meta["author"] ?? [], meta["article:author"] ?? [], relAuthors]
        let siteKey = site.map { TextFold.fold($0) }
        for source in sources {
            var names: [String] = []
            var seen = Set<String>()
            for raw in source where !Self.looksLikeURL(raw) {
                for name in AuthorList.split(raw) {
                    let key = TextFold.fold(name)
                    guard key != siteKey, seen.insert(key).inserted else { continue }
                    names.append(name)
                }
            }
            if !names.isEmpty { return names }
        }
        return []
    }

    /// "Bridge reopens | Example News" -> "Bridge reopens" when the site is "Example News"; either end.
    static func strippingSite(_ title: String, site: String?) -> String {
        guard let site, !site.isEmpty else { return title }
        let siteKey = TextFold.fold(site)
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} ", " :: ", " \u{2022} "] {
            if let r = title.range(of: sep, options: .backwards), TextFold.fold(title[r.upperBound...]) == siteKey {
                return String(title[..<r.lowerBound]).trimmingSpaces
            }
            if let r = title.range(of: sep), TextFold.fold(title[..<r.lowerBound]) == siteKey {
                return String(title[r.upperBound...]).trimmingSpaces
            }
        }
        return title
    }

    /// Separators that join a headline to the site's and section's names in a `<title>`.
    static let sectionSeparators = [
        " | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00BB} ", " \u{00AB} ", " :: ", " \u{00B7} ", " \u{2022} ", " \u{22C6} ",
    ]

    /// "CTV Toronto - Bridge reopens after two-year repair - CTV News, Shows and Sports" -> the middle part:
    /// a title without a stated site name still carries it, often with a section, around the headline.
    /// The headline is the part equal to the page's `<h1>` when there is one, else the part with the most
    /// words when it clearly outweighs each other part (at least three words, and each other part at most
    /// three quarters of it), so a headline that itself holds a dash ("Homicide: Life on the Street - The
    /// Complete Season 6") stays whole.
    static func strippingSections(_ title: String, heading: String?) -> String {
        var parts = [Substring(title)]
        for sep in sectionSeparators {
            parts = parts.flatMap { $0.split(separator: sep, omittingEmptySubsequences: true) }
        }
        let segments = parts.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard segments.count > 1 else { return title }
        if let heading {
            let key = TextFold.fold(heading)
            if let match = segments.first(where: { TextFold.fold($0) == key }) { return match }
        }
        let words = segments.map(TextFold.wordCount)
        guard let best = words.indices.max(by: { words[$0] < words[$1] }), words[best] >= 3 else { return title }
        for k in words.indices where k != best && words[k] * 4 > words[best] * 3 { return title }
        return segments[best]
    }

    /// "Trams are a success | Jane Doe" -> "Trams are a success": columns put the writer's name where
    /// news pages put the site. Stripped when the end is one of the page's authors, or when the part
    /// before the separator is the printed `<h1>`, which then shows the suffix is not part of the headline.
    static func strippingByline(_ title: String, authors: [String], heading: String?) -> String {
        let authorKeys = Set(authors.map { TextFold.fold($0) })
        let headingKey = heading.map { TextFold.fold($0) }
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} "] {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<r.lowerBound]).trimmingSpaces
            guard !head.isEmpty else { continue }
            if authorKeys.contains(TextFold.fold(title[r.upperBound...])) || TextFold.fold(head) == headingKey { return head }
        }
        return title
    }

    static func isAbsoluteURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !s.contains(" ")
    }

    static func looksLikeURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") || lower.hasPrefix("/")
    }

    /// "en-GB", "en_US", "EN" -> "en"; nil for anything that is not a two-letter code.
    static func languageCode(_ raw: String) -> String? {
        let primary = raw.trimmingSpaces.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard primary.utf8.count == 2, primary.utf8.allSatisfy({ $0 &- 0x61 < 26 }) else { return nil }
        return primary
    }
}
