import TextKit

/// The byte-level path of `LanguageDetector` for the usual input: Latin-script `PlainText`.
///
/// There every scalar is its own grapheme cluster and no two different strings are canonically
/// equivalent, so splitting scalars instead of Characters and comparing bytes instead of Strings gives
/// exactly `characterTally`'s tally without building a String per word (the Character path was an
/// eighth of a normalization). Anything else returns nil and takes that path.
extension LanguageDetector {
    /// Stop words of the Latin-script languages packed into a UInt64 (all are at most 8 bytes), each
    /// with a bit per language in `latinLanguages` order.
    static let latinStopWords: [UInt64: UInt8] = {
        var table: [UInt64: UInt8] = [:]
        for (bit, lang) in latinLanguages.enumerated() {
            for word in stopWords[lang]! {
                guard let key = packed(Array(word.utf8)[...]) else { continue }
                table[key, default: 0] |= 1 << UInt8(bit)
            }
        }
        return table
    }()

    @inline(__always)
    static func packed(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in word { key = key << 8 | UInt64(byte) }
        return key | UInt64(word.count) << 60 // the length keeps "a" apart from "\0a"
    }

    static func latinScriptTally(_ texts: [String]) -> Tally? {
        var latin = 0
        var scores = [Int](repeating: 0, count: latinLanguages.count)
        var seen = 0
        var budget = sampleBytes
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var wordLatin = 0
        /// Ends the word being read; false once `sampleWords` words have been seen.
        func endWord() -> Bool {
            guard !word.isEmpty else { return true }
            seen += 1
            if seen > sampleWords { return false }
            if let key = packed(word[...]), let langs = latinStopWords[key] {
                for bit in 0..<latinLanguages.count where langs & (1 << UInt8(bit)) != 0 { scores[bit] += 1 }
            }
            latin += wordLatin
            word.removeAll(keepingCapacity: true)
            wordLatin = 0
            return true
        }
        outer: for text in texts {
            guard budget > 0 else { break }
            var bytes = Array(text.utf8)
            var cut = false
            if bytes.count > budget {
                // As `String(decoding: prefix)` does: a scalar cut in two becomes U+FFFD, a separator.
                var end = budget
                while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                bytes.removeSubrange(end...)
                cut = true
            }
            budget -= bytes.count
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    if lower &- 0x61 < 26 || lower == 0x27 {
                        word.append(lower)
                        if lower != 0x27 { wordLatin += 1 }
                    } else if !endWord() {
                        break outer
                    }
                    continue
                }
                let start = i
                let scalar = bytes.withUnsafeBufferPointer { TextFold.decodeScalar($0, at: &i) }
                guard PlainText.isPlain(scalar.value) else { return nil }
                let mapped = scalar.properties.lowercaseMapping
                for lower in mapped.unicodeScalars {
                    guard PlainText.isPlain(lower.value) else { return nil }
                    if lower.properties.isAlphabetic {
                        if lower == scalar { word.append(contentsOf: bytes[start..<i]) } else { word.append(contentsOf: lower.utf8) }
                        if (0x41...0x24F).contains(lower.value) { wordLatin += 1 }
                    } else if lower == "'" {
                        word.append(0x27)
                    } else if !endWord() {
                        break outer
                    }
                }
            }
            if !endWord() || cut { break }
        }
        var tally = Tally(latin: latin)
        for (bit, lang) in latinLanguages.enumerated() where scores[bit] > 0 { tally.scores[lang] = scores[bit] }
        return tally
    }
}
