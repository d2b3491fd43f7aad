/// One normalized article: the fields of `articled parse` and of the `articled.articles` row.
public struct Article: Sendable, Equatable {
    public var sourcePath: String
    public var format: InputFormat
    public var title: String
    public var kicker: String?
    public var dek: String?
    public var authors: [String]
    public var dateline: String?
    /// ISO-8601 date (`2022-05-16`) or date-time (`2022-05-16T10:30:00Z`).
    public var publishedAt: String?
    public var publishedAtSource: DateSource?
    public var publisher: String?
    public var url: String?
    /// ISO 639-1 code.
    public var language: String
    public var paragraphs: [String]
    public var captions: [Caption]
    public var quotes: [Quote]
    /// Boilerplate lines that were dropped, kept for audit.
    public var removed: [String]
    public var wordCount: Int
    /// Lowercase hex SHA-256 of the canonical body (see `ContentHasher`).
    public var contentHash: String
    public var simhash: UInt64

    public init(
        sourcePath: String, format: InputFormat, title: String, kicker: String? = nil, dek: String? = nil,
        authors: [String] = [], dateline: String? = nil, publishedAt: String? = nil,
        publishedAtSource: DateSource? = nil, publisher: String? = nil, url: String? = nil,
        language: String = "en", paragraphs: [String], captions: [Caption] = [], quotes: [Quote] = [],
        removed: [String] = [], wordCount: Int, contentHash: String, simhash: UInt64
    ) {
        self.sourcePath = sourcePath
        self.format = format
        self.title = title
        self.kicker = kicker
        self.dek = dek
        self.authors = authors
        self.dateline = dateline
        self.publishedAt = publishedAt
        self.publishedAtSource = publishedAtSource
        self.publisher = publisher
        self.url = url
        self.language = language
        self.paragraphs = paragraphs
        self.captions = captions
        self.quotes = quotes
        self.removed = removed
        self.wordCount = wordCount
        self.contentHash = contentHash
        self.simhash = simhash
    }

    /// The body as stored in the database: paragraphs separated by one blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }

    /// `simhash` as the contract prints it: 16 lowercase hex digits.
    public var simhashHex: String {
        let hex = String(simhash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

public struct Caption: Sendable, Equatable {
    public var text: String
    public var credit: String?
    public init(text: String, credit: String?) {
        self.text = text
        self.credit = credit
    }
}

public struct Quote: Sendable, Equatable {
    public var text: String
    public var speaker: String?
    public init(text: String, speaker: String?) {
        self.text = text
        self.speaker = speaker
    }
}

public enum InputFormat: String, Sendable, Equatable, CaseIterable {
    case text, markdown, json, html

    /// The format a file name implies, or nil for an extension articled does not read.
    /// `.ndjson`/`.jsonl` map to `.json`: each line is one JSON article.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "json", "ndjson", "jsonl": self = .json
        case "html", "htm": self = .html
        default: return nil
        }
    }
}

public enum DateSource: String, Sendable, Equatable {
    case metadata, byline, dateline, caption
}
