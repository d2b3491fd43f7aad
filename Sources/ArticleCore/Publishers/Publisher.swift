/// A news outlet articled can recognise: by the inbox subfolder hint, by its web domain, or by phrases
/// its pages carry when copied (support appeals, footers, wire tags).
public struct Publisher: Sendable, Equatable {
    public var name: String
    /// Bare domains, e.g. "timesofisrael.com"; their first label ("timesofisrael") also matches a folder hint.
    public var domains: [String]
    /// Phrases found in copied pages of this outlet and rarely elsewhere, e.g. "Times of Israel Community".
    public var signatures: [String]

    public init(name: String, domains: [String] = [], signatures: [String] = []) {
        self.name = name
        self.domains = domains
        self.signatures = signatures
    }

    /// Lowercased ASCII letters and digits only, so "The Times of Israel", "times-of-israel" and
    /// "TimesOfIsrael" compare equal.
    static func squashed(_ s: some StringProtocol) -> String {
        String(decoding: s.lowercased().utf8.filter { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }, as: UTF8.self)
    }

    func matches(hint: String) -> Bool {
        let h = Self.squashed(hint)
        guard !h.isEmpty else { return false }
        if Self.squashed(name) == h { return true }
        if h.hasPrefix("the"), Self.squashed(name) == String(h.dropFirst(3)) { return true }
        if Self.squashed(name).hasPrefix("the"), Self.squashed(name).dropFirst(3) == h { return true }
        for domain in domains {
            if Self.squashed(domain) == h { return true }
            if let stem = domain.split(separator: ".").first, Self.squashed(stem) == h { return true }
        }
        return false
    }

    func matches(host: String) -> Bool {
        let host = host.lowercased()
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
