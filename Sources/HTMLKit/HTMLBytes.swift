/// ASCII byte tests shared by the HTML reader's tokenizer, tree and extractor.
package enum HTMLBytes {
    /// The HTML whitespace set: space, tab, line feed, form feed, carriage return.
    @inline(__always)
    package static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0C || b == 0x0D
    }

    @inline(__always)
    package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always)
    package static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || b &- 0x30 < 10 }

    @inline(__always)
    package static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Whether `bytes[range]` spells `literal` (given in lowercase), ignoring ASCII case.
    package static func equalsLowercased(_ bytes: [UInt8], _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        var k = 0
        for i in range {
            if lower(bytes[i]) != p[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `bytes` holds `literal` (lowercase) at `i`, ignoring ASCII case.
    package static func hasPrefixLowercased(_ bytes: [UInt8], at i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        return equalsLowercased(bytes, i..<(i + n), literal)
    }

    /// Whether `hay` contains `needle` byte for byte.
    package static func contains(_ hay: [UInt8], _ needle: StaticString) -> Bool {
        let m = needle.utf8CodeUnitCount
        guard m > 0, hay.count >= m else { return m == 0 }
        let p = needle.utf8Start
        var i = 0
        while i + m <= hay.count {
            var j = 0
            while j < m, hay[i + j] == p[j] { j += 1 }
            if j == m { return true }
            i += 1
        }
        return false
    }

    /// Whether one of the words of an attribute value (split at anything but letters and digits, and at
    /// camelCase humps: "articleKicker" -> "article", "kicker") is in `words` (lowercase).
    package static func hasWord(_ bytes: [UInt8], _ range: Range<Int>, in words: Set<String>) -> Bool {
        var start = range.lowerBound
        var k = range.lowerBound
        func isWord(_ r: Range<Int>) -> Bool {
            !r.isEmpty && r.count <= 24 && words.contains(String(decoding: bytes[r].map(lower), as: UTF8.self))
        }
        while k < range.upperBound {
            let b = bytes[k]
            if !isAlphanumeric(b) {
                if isWord(start..<k) { return true }
                start = k + 1
            } else if b &- 0x41 < 26, k > start, bytes[k - 1] &- 0x61 < 26 {
                if isWord(start..<k) { return true }
                start = k
            }
            k += 1
        }
        return isWord(start..<k)
    }
}
