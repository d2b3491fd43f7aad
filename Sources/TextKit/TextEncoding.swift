/// An encoding of the WHATWG Encoding Standard, as a document's label names it, reduced to the distinctions
/// `TextDecoder` acts on.
package enum TextEncoding: Equatable, Sendable {
    case utf8
    case utf16(bigEndian: Bool)
    case singleByte(SingleByteCodePage)
    /// An encoding the standard knows but this decoder does not implement (the CJK multi-byte encodings,
    /// "replacement", "x-user-defined"), by the standard's name. Text declared so is decoded as undeclared
    /// text: a page is never rejected for its label.
    case undecoded(String)

    /// The encoding `label` names, ignoring ASCII case and surrounding whitespace; nil when it names none.
    package init?(label: some Collection<UInt8>) {
        var lower = [UInt8]()
        lower.reserveCapacity(label.count)
        for c in label {
            guard c < 0x80 else { return nil }            // every label is ASCII
            lower.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20 }
        guard let first = lower.firstIndex(where: { !isSpace($0) }),
              let last = lower.lastIndex(where: { !isSpace($0) }) else { return nil }
        guard let encoding = Self.byLabel[String(decoding: lower[first...last], as: UTF8.self)] else { return nil }
        self = encoding
    }

    package init?(label: String) {
        self.init(label: Array(label.utf8))
    }

    /// The standard's labels, flattened once into one lookup.
    private static let byLabel: [String: TextEncoding] = {
        var table: [String: TextEncoding] = [:]
        for (encoding, labels) in labels {
            for label in labels { table[label] = encoding }
        }
        return table
    }()
}
