/// Substring tests on UTF-8 bytes, for hot paths that would otherwise call Foundation's
/// `range(of:)` on every line (profiling showed that search dominating normalization).
enum ByteSearch {
    /// True when `needle` occurs in `text`, compared byte for byte (exact, case-sensitive).
    static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { hay in
            let n = hay.count, m = needle.count
            guard m <= n else { return false }
            var i = 0
            while i <= n - m {
                if hay[i] == first {
                    var j = 1
                    while j < m, hay[i + j] == needle[j] { j += 1 }
                    if j == m { return true }
                }
                i += 1
            }
            return false
        }
    }
}

extension ByteSearch {
    /// The last occurrence of an ASCII `needle` in `text`, as a range of `text`'s indices.
    static func lastRange(_ text: String, _ needle: [UInt8]) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var copy = text
        let offset: Int? = copy.withUTF8 { hay in
            let n = hay.count, m = needle.count
            guard m <= n else { return nil }
            var i = n - m
            while i >= 0 {
                var j = 0
                while j < m, hay[i + j] == needle[j] { j += 1 }
                if j == m { return i }
                i -= 1
            }
            return nil
        }
        guard let offset else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.count)
    }
}
