/// Substring tests on UTF-8 bytes, for hot paths that would otherwise call Foundation's
/// `range(of:)` on every line (profiling showed that search dominating normalization).
@usableFromInline
package enum ByteSearch {
    /// True when `needle` occurs in `text`, compared byte for byte (exact, case-sensitive).
    @inlinable
    package static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = text
        return text.withUTF8 { hay in needle.withUnsafeBufferPointer { offset(of: $0, in: hay, backwards: false) != nil } }
    }

    /// Byte offset of the first (or last) occurrence of a non-empty `needle` in `hay`.
    @inlinable
    package static func offset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, backwards: Bool) -> Int? {
        let m = needle.count
        guard m <= hay.count else { return nil }
        let first = needle[0]
        let step = backwards ? -1 : 1
        var i = backwards ? hay.count - m : 0
        while i >= 0 && i <= hay.count - m {
            if hay[i] == first {
                var j = 1
                while j < m && hay[i + j] == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += step
        }
        return nil
    }
}

extension ByteSearch {
    /// The last occurrence of an ASCII `needle` in `text`, as a range of `text`'s indices.
    package static func lastRange(_ text: String, _ needle: [UInt8]) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var copy = text
        let offset: Int? = copy.withUTF8 { hay in needle.withUnsafeBufferPointer { Self.offset(of: $0, in: hay, backwards: true) } }
        guard let offset else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.count)
    }
}

extension ByteSearch {
    /// `text.split(separator: " ").count` for `PlainText`, where a space byte is always a Character of
    /// its own; nil for other text (a combining mark may ride on a space there).
    @inlinable
    package static func plainWordCount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            guard PlainText.isPlain(bytes) else { return nil }
            var words = 0, inWord = false
            for byte in bytes {
                if byte == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            return words
        }
    }
}

extension ByteSearch {
    /// For each needle, whether `contains(text, needle)`: one pass that stops only at bytes some needle
    /// starts with, instead of a scan per needle (the 24 caption labels were 24 scans of every line).
    package static func found(_ needles: [[UInt8]], in text: String) -> [Bool] {
        var found = [Bool](repeating: false, count: needles.count)
        var starts = [Bool](repeating: false, count: 256)
        for (k, needle) in needles.enumerated() {
            if let first = needle.first { starts[Int(first)] = true } else { found[k] = true }
        }
        var text = text
        text.withUTF8 { hay in
            for i in hay.indices where starts[Int(hay[i])] {
                for (k, needle) in needles.enumerated() where !found[k] && needle.first == hay[i] && needle.count <= hay.count - i {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { found[k] = true }
                }
            }
        }
        return found
    }
}
