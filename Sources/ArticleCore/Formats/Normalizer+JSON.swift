import TextKit

extension Normalizer {
    /// A `.json` file: one article object (an array of them is accepted too).
    func normalizeJSONDocument(_ text: String, sourcePath: String, hint: String?) -> [Result<Article, NormalizeError>] {
        switch JSONArticleReader.parseObject(text, line: nil) {
        case .failure(let e):
            return [.failure(e)]
        case .success(let value):
            if let list = value as? [Any] {
                guard !list.isEmpty else { return [.failure(.empty("the JSON array is empty"))] }
                return list.map { normalizeJSONValue($0, line: nil, sourcePath: sourcePath, hint: hint) }
            }
            return [normalizeJSONValue(value, line: nil, sourcePath: sourcePath, hint: hint)]
        }
    }

    /// NDJSON / JSON Lines: each non-blank line is one article; a bad line fails alone, with its line number.
    func normalizeJSONLines(_ text: String, sourcePath: String, hint: String?) -> [Result<Article, NormalizeError>] {
        var results: [Result<Article, NormalizeError>] = []
        var number = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = String(Substring(raw))
            guard !line.trimmingSpaces.isEmpty else { continue }
            switch JSONArticleReader.parseObject(line, line: number) {
            case .failure(let e): results.append(.failure(e))
            case .success(let value): results.append(normalizeJSONValue(value, line: number, sourcePath: sourcePath, hint: hint))
            }
        }
        if results.isEmpty { return [.failure(.empty("the file holds only blank lines"))] }
        return results
    }

    func normalizeJSONValue(_ value: Any, line: Int?, sourcePath: String, hint: String?) -> Result<Article, NormalizeError> {
        JSONArticleReader.read(value, line: line).flatMap { input in
            normalizeText(input.text, metadata: input.metadata, format: .json, sourcePath: sourcePath, hint: hint)
                .mapError { e in
                    var e = e
                    if e.line == nil { e.line = line }
                    return e
                }
        }
    }
}
