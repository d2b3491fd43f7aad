import ArticleCore
import Foundation

/// Runs the normalizer over every input of a corpus folder that has a `NAME.expected.json` beside it,
/// and keeps one score per expected article and per expected error.
struct CorpusScore {
    static let inputExtensions: Set<String> = ["txt", "text", "md", "markdown", "json", "ndjson", "jsonl", "html", "htm"]

    var root: String
    /// Relative paths of the inputs scored, sorted.
    var files: [String] = []
    var filesByExtension: [String: Int] = [:]
    var articles: [ArticleScore] = []
    var errorCases: [ErrorCaseScore] = []
    /// Things wrong with the corpus itself or with the shape of the normalizer's answer.
    var notes: [String] = []
    var normalizeSeconds: Double = 0

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    init(root: String) throws {
        self.root = root
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw Unreadable(description: "\(root): not a readable folder")
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        guard let walker = fm.enumerator(at: rootURL, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw Unreadable(description: "\(root): cannot list the folder")
        }
        var inputs: [(rel: String, url: URL, expected: URL)] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            let ext = url.pathExtension.lowercased()
            guard Self.inputExtensions.contains(ext), !name.hasSuffix(".expected.json"),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let expected = url.deletingPathExtension().appendingPathExtension("expected.json")
            guard fm.fileExists(atPath: expected.path) else { continue }
            let full = url.standardizedFileURL.path
            let rel = full.hasPrefix(rootURL.path + "/") ? String(full.dropFirst(rootURL.path.count + 1)) : full
            inputs.append((rel, url, expected))
        }
        if inputs.isEmpty {
            throw Unreadable(description: "\(root): no inputs with a NAME.expected.json beside them")
        }
        for input in inputs.sorted(by: { $0.rel < $1.rel }) {
            score(input.rel, input.url, input.expected)
        }
    }

    private mutating func score(_ rel: String, _ url: URL, _ expectedURL: URL) {
        let expectations: [Expectation]
        do {
            expectations = try Expectation.load(expectedURL)
        } catch {
            notes.append("\(rel): unreadable expected file: \(error)")
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            notes.append("\(rel): cannot read the input")
            return
        }
        files.append(rel)
        filesByExtension[url.pathExtension.lowercased(), default: 0] += 1

        let bytes = [UInt8](data)
        let clock = ContinuousClock()
        var results: [Result<Article, NormalizeError>] = []
        let elapsed = clock.measure {
            results = Normalizer().normalize(bytes, sourcePath: url.path, publisherHint: nil)
        }
        normalizeSeconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        let ext = url.pathExtension.lowercased()
        let perLine = ext == "ndjson" || ext == "jsonl"
        let lineNumbers = perLine ? Self.nonBlankLineNumbers(bytes) : []
        if perLine, results.count != expectations.count {
            notes.append("\(rel): \(results.count) results for \(expectations.count) expected lines (matched by position)")
        } else if !perLine, results.count != 1 {
            notes.append("\(rel): \(results.count) results for one article (the first is scored)")
        }
        for (i, expectation) in expectations.enumerated() {
            let result = i < results.count ? results[i] : nil
            let label = perLine ? "\(rel):\(i < lineNumbers.count ? lineNumbers[i] : i + 1)" : rel
            switch expectation {
            case .article(let e):
                articles.append(ArticleScore(label: label, expected: e, result: result))
            case .error(let code):
                errorCases.append(ErrorCaseScore(label: label, code: code, line: nil, result: result))
            case .errorLine(let line, let code):
                errorCases.append(ErrorCaseScore(label: "\(rel):\(line)", code: code, line: line, result: result))
            }
        }
    }

    /// 1-based numbers of the lines that hold something other than whitespace.
    static func nonBlankLineNumbers(_ bytes: [UInt8]) -> [Int] {
        var numbers: [Int] = []
        var line = 1
        var blank = true
        for b in bytes {
            if b == UInt8(ascii: "\n") {
                if !blank { numbers.append(line) }
                line += 1
                blank = true
            } else if b != UInt8(ascii: " "), b != UInt8(ascii: "\t"), b != UInt8(ascii: "\r") {
                blank = false
            }
        }
        if !blank { numbers.append(line) }
        return numbers
    }
}
