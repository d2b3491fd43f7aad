import Foundation
import TextKit

/// The YAML subset Markdown front matter uses in practice: `key: value` scalars, quoted strings, inline
/// `[a, b]` lists and `- item` block lists. Nested mappings under keys articled does not read are skipped.
/// Anything else is an error naming the line, since silently misreading metadata would be worse.
enum FrontMatterParser {
    enum Value: Equatable {
        case scalar(String)
        case list([String])
    }

    struct FrontMatter {
        var fields: [String: (value: Value, line: Int)] = [:]
        /// The text after the closing `---`.
        var body: String
        /// Lines the front matter took, so body line numbers can be reported in file terms.
        var lineCount: Int
    }

    /// nil when the text has no front matter.
    static func parse(_ text: String) -> Result<FrontMatter, NormalizeError>? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingSpaces == "---" else { return nil }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces == "---" || lines[$0].trimmingSpaces == "..." })
        else {
            return .failure(.invalidFrontMatter("front matter opened with --- is never closed with ---", line: 1))
        }
        var fm = FrontMatter(body: lines[(close + 1)...].joined(separator: "\n"), lineCount: close + 1)
        var openKey: (name: String, line: Int, items: [String], nested: Bool)?
        func closeOpenKey() {
            if let k = openKey, !k.nested { fm.fields[k.name] = (k.items.isEmpty ? .scalar("") : .list(k.items), k.line) }
            openKey = nil
        }
        for index in 1..<close {
            let number = index + 1
            let raw = lines[index]
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let indented = raw.first == " " || raw.first == "\t"
            if line.hasPrefix("- ") || line == "-" {
                guard openKey != nil else {
                    return .failure(.invalidFrontMatter("list item without a key above it", line: number))
                }
                if openKey!.nested { continue }
                switch scalar(String(line.dropFirst(1)).trimmingSpaces, line: number) {
                case .failure(let e): return .failure(e)
                case .success(let v): openKey!.items.append(v)
                }
                continue
            }
            if indented, openKey != nil {
                // A nested mapping ("seo:\n  description: …"): not ours to read.
                openKey!.nested = true
                continue
            }
            closeOpenKey()
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(.invalidFrontMatter("expected \"key: value\", found \"\(line.prefix(40))\"", line: number))
            }
            let key = String(line[..<colon]).trimmingSpaces
            guard !key.isEmpty, key.utf8.allSatisfy({ isKeyByte($0) }) else {
                return .failure(.invalidFrontMatter("\"\(key.prefix(40))\" is not a valid key", line: number))
            }
            let rest = String(line[line.index(after: colon)...]).trimmingSpaces
            if rest.isEmpty {
                openKey = (key, number, [], false)
            } else if rest.hasPrefix("[") {
                guard rest.hasSuffix("]") else {
                    return .failure(.invalidFrontMatter("the list for \"\(key)\" is missing its closing ]", line: number))
                }
                var items: [String] = []
                for part in splitList(String(rest.dropFirst().dropLast())) where !part.isEmpty {
                    switch scalar(part, line: number) {
                    case .failure(let e): return .failure(e)
                    case .success(let v): items.append(v)
                    }
                }
                fm.fields[key] = (.list(items), number)
            } else {
                switch scalar(rest, line: number) {
                case .failure(let e): return .failure(e)
                case .success(let v): fm.fields[key] = (.scalar(v), number)
                }
            }
        }
        closeOpenKey()
        return .success(fm)
    }

    static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x20 || b == 0x2E
    }

    /// A plain, "double" or 'single' quoted scalar; a trailing " # comment" is dropped from plain ones.
    static func scalar(_ s: String, line: Int) -> Result<String, NormalizeError> {
        if s.hasPrefix("\"") {
            var out = ""
            var escaped = false
            var closed = false
            for c in s.dropFirst() {
                if escaped {
                    switch c {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: out.append(c)
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    closed = true
                    break
                } else {
                    out.append(c)
                }
            }
            return closed ? .success(out) : .failure(.invalidFrontMatter("unterminated \" quoted string", line: line))
        }
        if s.hasPrefix("'") {
            let inner = s.dropFirst()
            guard inner.hasSuffix("'") && !inner.isEmpty else {
                return .failure(.invalidFrontMatter("unterminated ' quoted string", line: line))
            }
            return .success(String(inner.dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        var plain = s
        if let hash = plain.range(of: " #") { plain = String(plain[..<hash.lowerBound]) }
        plain = plain.trimmingSpaces
        if plain == "~" || plain == "null" { plain = "" }
        return .success(plain)
    }

    /// Splits "a, 'b, c', \"d\"" on commas outside quotes.
    static func splitList(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in s {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "," {
                parts.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingSpaces)
        return parts
    }
}
