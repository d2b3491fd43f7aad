import Foundation
import TextKit
import Yams

/// Markdown front matter: the YAML between a first `---` line and the next `---` (or `...`) line, read by
/// Yams. Top-level scalars and lists of scalars are kept as written (no dates or numbers guessed from
/// them); nested mappings under keys articled does not read are skipped. A YAML error names its line
/// in the file, since silently misreading metadata would be worse.
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
        let yaml = lines[1..<close].joined(separator: "\n")
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(invalid(error))
        } catch {
            return .failure(.invalidFrontMatter("the front matter is not valid YAML: \(error)", line: 2))
        }
        guard let root else { return .success(fm) }
        guard case .mapping(let mapping) = root else {
            return .failure(.invalidFrontMatter("expected \"key: value\" lines, found \(kind(root))", line: fileLine(root.mark)))
        }
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                return .failure(.invalidFrontMatter("a key must be plain text, found \(kind(keyNode))", line: fileLine(keyNode.mark)))
            }
            let line = fileLine(keyNode.mark)
            switch valueNode {
            case .scalar(let scalar):
                fm.fields[key] = (.scalar(isNull(scalar) ? "" : scalar.string), line)
            case .sequence(let sequence):
                var items: [String] = []
                for item in sequence {
                    guard case .scalar(let scalar) = item else {
                        return .failure(.invalidFrontMatter("the list for \"\(key)\" may hold only plain values", line: fileLine(item.mark)))
                    }
                    items.append(isNull(scalar) ? "" : scalar.string)
                }
                fm.fields[key] = (.list(items), line)
            case .mapping, .alias:
                // A nested mapping ("seo:\n  description: …"): not ours to read.
                continue
            }
        }
        return .success(fm)
    }

    /// `~`, `null` and an empty value mean "not given", as a missing key does; a quoted "null" is text.
    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Yams marks count from 1 within the YAML; the opening `---` is the file's line 1.
    private static func fileLine(_ mark: Mark?) -> Int { (mark?.line ?? 1) + 1 }

    private static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "a plain value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }

    /// The line a YAML error is about: where the construct it was reading started (an unclosed quote's
    /// opening line), else where the reader stopped.
    private static func invalid(_ error: YamlError) -> NormalizeError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let line = context?.mark.line ?? mark.line
            let reading = context.map { " \($0.text)" } ?? ""
            return .invalidFrontMatter("the front matter is not valid YAML: \(problem)\(reading)", line: line + 1)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return .invalidFrontMatter("the front matter gives \(keys) more than once; keep one", line: context.mark.line + 1)
        default:
            return .invalidFrontMatter("the front matter is not valid YAML: \(error)", line: 2)
        }
    }
}
