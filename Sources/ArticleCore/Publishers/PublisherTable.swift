import Foundation

/// The publishers articled knows, searched in order; user entries from the config are merged in front.
public struct PublisherTable: Sendable, Equatable {
    public var publishers: [Publisher] {
        didSet { signatures = Self.signatureCounter(publishers) }
    }
    /// Every publisher's signatures and domains, folded and indexed once per table rather than per page.
    private var signatures: PhraseMatcher.PhraseCounter

    public init(_ publishers: [Publisher]) {
        self.publishers = publishers
        signatures = Self.signatureCounter(publishers)
    }

    private static func signatureCounter(_ publishers: [Publisher]) -> PhraseMatcher.PhraseCounter {
        PhraseMatcher.PhraseCounter(publishers.flatMap { $0.signatures + $0.domains })
    }

    /// Entries in `extra` replace built-in ones of the same name and are tried first.
    public func merging(_ extra: [Publisher]) -> PublisherTable {
        let names = Set(extra.map { Publisher.squashed($0.name) })
        return PublisherTable(extra + publishers.filter { !names.contains(Publisher.squashed($0.name)) })
    }

    /// The entry a folder hint names, by name or domain stem, case-insensitively.
    public func publisher(forHint hint: String) -> Publisher? {
        publishers.first { $0.matches(hint: hint) }
    }

    /// The entry whose domain serves `url`.
    public func publisher(forURL url: String) -> Publisher? {
        guard let host = Self.host(of: url) else { return nil }
        return publishers.first { $0.matches(host: host) }
    }

    /// The publisher whose signatures occur most often in `text`, counting whole-word, case-insensitive matches.
    func publisher(signedIn text: String) -> Publisher? {
        let haystack = PhraseMatcher.Haystack(text)
        let counts = signatures.counts(in: haystack.bytes)
        var best: (Publisher, Int)?
        var k = 0
        for p in publishers {
            let n = p.signatures.count + p.domains.count
            let score = counts[k..<(k + n)].reduce(0, +)
            k += n
            if score > 0 && score > (best?.1 ?? 0) { best = (p, score) }
        }
        return best?.0
    }

    static func host(of url: String) -> String? {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : host.lowercased()
    }
}
