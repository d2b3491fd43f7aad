import Foundation

/// One entry of a `NAME.expected.json`: an article, a whole-file error, or (NDJSON) an error on one line.
enum Expectation {
    case article(ExpectedArticle)
    case error(code: String)
    case errorLine(line: Int, code: String?)

    struct ExpectedArticle {
        var title: String
        var kicker: String?
        var dek: String?
        var authors: [String]
        var dateline: String?
        /// `YYYY-MM-DD` or nil; only the date part is scored.
        var publishedAt: String?
        var publisher: String?
        /// ISO 639-1 code, when stated.
        var language: String?
        var paragraphs: [String]
        var captions: [(text: String, credit: String?)]
        var boilerplate: [String]
        /// nil when the file does not state quotes (then they are not scored).
        var quotes: [(text: String, speaker: String?)]?
        /// Which fields the file states (absent fields are not scored).
        var has: Set<String>
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads an expected file: an object (one article or `{"error": code}`) or, for NDJSON, an array of them.
    static func load(_ url: URL) throws -> [Expectation] {
        let data = try Data(contentsOf: url)
        let json = try JSONSerialization.jsonObject(with: data)
        if let list = json as? [Any] {
            return try list.map { item in
                guard let obj = item as? [String: Any] else { throw FormatError(description: "array entries must be objects") }
                return try entry(obj)
            }
        }
        guard let obj = json as? [String: Any] else { throw FormatError(description: "expected an object or an array") }
        return [try entry(obj)]
    }

    private static func entry(_ obj: [String: Any]) throws -> Expectation {
        if let line = obj["error_line"] as? Int {
            return .errorLine(line: line, code: obj["error"] as? String)
        }
        if let code = obj["error"] as? String {
            return .error(code: code)
        }
        guard let title = obj["title"] as? String else {
            throw FormatError(description: "an article needs a string `title`")
        }
        func string(_ key: String) -> String? { obj[key] as? String }
        func strings(_ key: String) -> [String] { (obj[key] as? [Any])?.compactMap { $0 as? String } ?? [] }
        let captions: [(text: String, credit: String?)] = (obj["captions"] as? [Any] ?? []).compactMap { item in
            guard let c = item as? [String: Any], let text = c["text"] as? String else { return nil }
            return (text, c["credit"] as? String)
        }
        let quotes: [(text: String, speaker: String?)]? = (obj["quotes"] as? [Any]).map { list in
            list.compactMap { item in
                guard let q = item as? [String: Any], let text = q["text"] as? String else { return nil }
                return (text, q["speaker"] as? String)
            }
        }
        return .article(ExpectedArticle(
            title: title, kicker: string("kicker"), dek: string("dek"), authors: strings("authors"),
            dateline: string("dateline"), publishedAt: string("published_at").map { String($0.prefix(10)) },
            publisher: string("publisher"), language: string("language"), paragraphs: strings("paragraphs"), captions: captions,
            boilerplate: strings("boilerplate"), quotes: quotes, has: Set(obj.keys)))
    }
}
