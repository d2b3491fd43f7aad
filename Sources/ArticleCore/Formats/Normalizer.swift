import TextKit
import HTMLKit

/// Turns the bytes of one input file into articles. Pure: no I/O, no clock, no globals.
public struct Normalizer: Sendable {
    public var options: NormalizerOptions

    public init(options: NormalizerOptions = .init()) {
        self.options = options
    }

    /// One result per article in the file: one for `.txt`/`.md`/`.json`, one per non-blank line for NDJSON.
    public func normalize(_ bytes: [UInt8], sourcePath: String, publisherHint: String? = nil) -> [Result<Article, NormalizeError>] {
        guard bytes.count <= options.maxInputBytes else {
            return [.failure(.tooLarge(size: bytes.count, limit: options.maxInputBytes))]
        }
        let fileName = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        let format = InputFormat(fileName: fileName) ?? .text
        switch format {
        case .text:
            return [decoded(bytes).flatMap { normalizeText($0, metadata: ArticleMetadata(), format: .text, sourcePath: sourcePath, hint: publisherHint) }]
        case .markdown:
            return [decoded(bytes).flatMap { normalizeMarkdown($0, sourcePath: sourcePath, hint: publisherHint) }]
        case .json where InputFormat.isLineDelimited(fileName):
            switch decoded(bytes, guessesCyrillic: false) {
            case .failure(let e): return [.failure(e)]
            case .success(let text): return normalizeJSONLines(text, sourcePath: sourcePath, hint: publisherHint)
            }
        case .json:
            switch decoded(bytes, guessesCyrillic: false) {
            case .failure(let e): return [.failure(e)]
            case .success(let text): return normalizeJSONDocument(text, sourcePath: sourcePath, hint: publisherHint)
            }
        case .html:
            let declared = HTMLCharsetSniffer.declaredEncoding(bytes)
            return [decoded(bytes, declared: declared).flatMap { normalizeHTML($0, sourcePath: sourcePath, hint: publisherHint) }]
        }
    }

    /// Only HTML declares an encoding in its bytes; JSON is UTF-8 by RFC 8259, so its stray bytes are mended
    /// but never taken for a Cyrillic code page.
    func decoded(
        _ bytes: [UInt8], declared: TextEncoding? = nil, guessesCyrillic: Bool = true
    ) -> Result<String, NormalizeError> {
        TextDecoder.decode(bytes, declared: declared, guessesCyrillic: guessesCyrillic).mapError { error in
            switch error.code {
            case .binary: .binary(error.message)
            case .empty: .empty(error.message)
            }
        }
    }

    /// The layout rules over text, then metadata merged on top and the derived fields computed.
    /// `usesBodyModel`: the text is a whole page's copy (chrome and all), which the body model was made for;
    /// by default, only `.txt` is.
    func normalizeText(
        _ text: String, metadata: ArticleMetadata, format: InputFormat, usesBodyModel: Bool? = nil, sourcePath: String,
        hint: String?
    ) -> Result<Article, NormalizeError> {
        let fixedPublisher = fixedPublisher(metadata: metadata, hint: hint)
        var layout = PageLayout(text: text, options: options, knownTitle: metadata.title, knownPublisher: fixedPublisher)
        layout.usesBodyModel = usesBodyModel ?? (format == .text)
        return layout.parse().map { parsed in
            ArticleAssembler.assemble(parsed, metadata: metadata, format: format, sourcePath: sourcePath, table: options.publishers)
        }
    }

    /// Metadata's publisher, else the folder hint (as the table spells it when it names a known outlet),
    /// else the outlet that serves the metadata URL.
    func fixedPublisher(metadata: ArticleMetadata, hint: String?) -> String? {
        let table = options.publishers
        if let p = metadata.publisher?.trimmingSpaces, !p.isEmpty { return table.publisher(forHint: p)?.name ?? p }
        if let h = hint?.trimmingSpaces, !h.isEmpty { return table.publisher(forHint: h)?.name ?? h }
        if let url = metadata.url { return table.publisher(forURL: url)?.name }
        return nil
    }
}
