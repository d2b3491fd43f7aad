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
        var reader = LatinWordReader()
        var budget = sampleBytes
        for text in texts {
            guard budget > 0 else { break }
            var text = text
            let outcome = text.withUTF8 { bytes -> LatinWordReader.Outcome in
                var end = bytes.count
                var cut = false
                if end > budget {
                    // As `String(decoding: prefix)` does: a scalar cut in two becomes U+FFFD, a separator.
                    end = budget
                    while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                    cut = true
                }
                budget -= end
                let outcome = reader.read(UnsafeBufferPointer(rebasing: bytes[..<end]))
                if outcome != .more { return outcome }
                return !reader.endWord() || cut ? .done : .more
            }
            if outcome == .notLatin { return nil }
            if outcome == .done { break }
        }
        var tally = Tally(latin: reader.latin)
        for (bit, lang) in latinLanguages.enumerated() where reader.scores[bit] > 0 { tally.scores[lang] = reader.scores[bit] }
        return tally
    }

    /// The words of the sample, read byte by byte with the current word packed as `packed` packs it
    /// (no array per word).
    struct LatinWordReader {
        enum Outcome: Equatable { case more, done, notLatin }

        var latin = 0
        var scores = [Int](repeating: 0, count: LanguageDetector.latinLanguages.count)
        var seen = 0
        private var key: UInt64 = 0
        private var length = 0
        private var wordLatin = 0

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if length < 8 { key = key << 8 | UInt64(byte) }
            length += 1
        }

        /// Ends the word being read; false once `sampleWords` words have been seen.
        mutating func endWord() -> Bool {
            guard length > 0 else { return true }
            seen += 1
            if seen > LanguageDetector.sampleWords { return false }
            if length <= 8, let langs = LanguageDetector.latinStopWords[key | UInt64(length) << 60] {
                for bit in 0..<scores.count where langs & (1 << UInt8(bit)) != 0 { scores[bit] += 1 }
            }
            latin += wordLatin
            key = 0
            length = 0
            wordLatin = 0
            return true
        }

        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    if lower &- 0x61 < 26 || lower == 0x27 {
                        append(lower)
                        if lower != 0x27 { wordLatin += 1 }
                    } else if !endWord() {
                        return .done
                    }
                    continue
                }
                let start = i
                let scalar = TextFold.decodeScalar(bytes, at: &i)
                guard PlainText.isPlain(scalar.value) else { return .notLatin }
                let mapped = scalar.properties.lowercaseMapping
                for lower in mapped.unicodeScalars {
                    guard PlainText.isPlain(lower.value) else { return .notLatin }
                    if lower.properties.isAlphabetic {
                        if lower == scalar {
                            for k in start..<i { append(bytes[k]) }
                        } else {
                            for b in lower.utf8 { append(b) }
                        }
                        if (0x41...0x24F).contains(lower.value) { wordLatin += 1 }
                    } else if lower == "'" {
                        append(0x27)
                    } else if !endWord() {
                        return .done
                    }
                }
            }
            return .more
        }
    }
}
