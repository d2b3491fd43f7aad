import Foundation
import TextKit

/// One article object of a `.json`/`.ndjson` file: explicit fields, plus the text to run the layout rules on.
enum JSONArticleReader {
    struct Input {
        var metadata: ArticleMetadata
        var text: String
    }

    static func parseObject(_ text: String, line: Int?) -> Result<Any, NormalizeError> {
        do {
            return .success(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
        } catch {
            return .failure(.invalidJSON("not valid JSON: \(describe(error))", line: line))
        }
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let debug = ns.userInfo["NSDebugDescription"] as? String { return debug }
        return ns.localizedDescription
    }

    static func read(_ value: Any, line: Int?) -> Result<Input, NormalizeError> {
        guard let object = value as? [String: Any] else {
            return .failure(.init(code: .wrongType, message: "expected a JSON object with the article's fields", line: line))
        }
        var m = ArticleMetadata()
        do {
            m.title = try string(object, ["title", "headline"], line: line)
            m.kicker = try string(object, ["kicker"], line: line)
            m.dek = try string(object, ["dek", "subtitle", "standfirst"], line: line)
            m.url = try string(object, ["url", "link", "canonical_url"], line: line)
            m.publisher = try string(object, ["publisher", "source", "site"], line: line)
            m.language = try string(object, ["language", "lang"], line: line)
            if let date = try string(object, ["published_at", "date", "published", "publishedAt", "datePublished"], line: line) {
                m.publishedAt = ArticleMetadata.isoDate(date)
            }
            m.authors = try authors(object, line: line)
            guard let body = try string(object, ["text", "body", "content"], line: line), !body.trimmingSpaces.isEmpty else {
                return .failure(.noArticle("the object has no \"text\" or \"body\" field with article text", line: line))
            }
            m.title = m.title.flatMap { TextFold.collapseSpaces($0).isEmpty ? nil : TextFold.collapseSpaces($0) }
            return .success(Input(metadata: m, text: clean(body)))
        } catch let e as NormalizeError {
            return .failure(e)
        } catch {
            return .failure(.invalidJSON(describe(error), line: line))
        }
    }

    /// The first of `keys` present; null counts as absent, any other non-string is a type error.
    static func string(_ o: [String: Any], _ keys: [String], line: Int?) throws -> String? {
        for key in keys {
            guard let v = o[key], !(v is NSNull) else { continue }
            guard let s = v as? String else { throw NormalizeError.wrongType(field: key, expected: "a string", line: line) }
            return s
        }
        return nil
    }

    static func authors(_ o: [String: Any], line: Int?) throws -> [String] {
        for key in ["authors", "author", "byline"] {
            guard let v = o[key], !(v is NSNull) else { continue }
            if let s = v as? String { return AuthorList.split(s) }
            if let list = v as? [Any] {
                return try list.flatMap { item -> [String] in
                    if let s = item as? String { return AuthorList.split(s) }
                    if let d = item as? [String: Any], let name = d["name"] as? String { return AuthorList.split(name) }
                    throw NormalizeError.wrongType(field: key, expected: "a string or an array of strings", line: line)
                }
            }
            throw NormalizeError.wrongType(field: key, expected: "a string or an array of strings", line: line)
        }
        return []
    }

    /// JSON text gets the same cleanup as a file: line ends, invisible characters, NFC.
    static func clean(_ text: String) -> String {
        let bytes = TextCleaner.clean(Array(text.utf8))
        let s = String(decoding: bytes, as: UTF8.self)
        return bytes.allSatisfy { $0 < 0x80 } ? s : TextCleaner.composed(s)
    }
}
