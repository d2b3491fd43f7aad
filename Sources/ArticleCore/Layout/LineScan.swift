import TextKit

/// The counts behind a line's own `LineFeatures`, gathered in one pass over its UTF-8 bytes with no String
/// built per word: every `.txt` line passes through here.
struct LineScan {
    var chars = 0, letters = 0, digits = 0, symbols = 0, commas = 0, separators = 0, marks = 0
    var words = 0, capitalised = 0, stop = 0
    var yearOrTime = false, startsLower = false, web = false
    /// FNV-1a of the whole line: equal lines of a page have equal hashes (and different lines, at 64 bits,
    /// practically never do).
    var lineHash: UInt64 = 0xcbf2_9ce4_8422_2325

    private var wordBytes = 0
    /// The lowercased word's first eight UTF-8 bytes, packed: stop words are looked up by this key.
    private var wordKey: UInt64 = 0
    private var keyBytes = 0
    private var wordStartsUpper = false, previousWasMark = false, first = true
    private var digitRun = 0, digitRunStart: UInt8 = 0x30

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            chars += 1
            if b < 0x80 {
                lineHash = (lineHash ^ UInt64(b)) &* 0x100_0000_01b3
                let lower = b | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    if first { startsLower = b >= 0x61; first = false }
                    if wordBytes == 0 { wordStartsUpper = b < 0x61 }
                    addKey(lower)
                    wordBytes += 1
                    letters += 1
                    previousWasMark = false
                    if !web && (b == 0x68 || b == 0x77) && (Self.matches(bytes, i, "http") || Self.matches(bytes, i, "www.")) {
                        web = true
                    }
                } else if b >= 0x30 && b <= 0x39 {
                    first = false
                    if digitRun == 0 { digitRunStart = b }
                    digitRun += 1
                    digits += 1
                    addKey(b)
                    wordBytes += 1
                    previousWasMark = false
                } else {
                    other(Unicode.Scalar(b), isSpace: b == 0x20)
                    if b == 0x40 || (b == 0x2E && Self.matches(bytes, i, ".com")) { web = true }
                }
                i += 1
            } else {
                let start = i
                let s = TextFold.decodeScalar(bytes, at: &i)
                for k in start..<i { lineHash = (lineHash ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
                let props = s.properties
                if props.isAlphabetic {
                    if first { startsLower = props.isLowercase; first = false }
                    if wordBytes == 0 { wordStartsUpper = props.isUppercase }
                    for byte in props.lowercaseMapping.utf8 { addKey(byte) }
                    wordBytes += i - start
                    letters += 1
                    previousWasMark = false
                } else {
                    other(s, isSpace: false)
                }
            }
        }
        endDigits()
        endWord()
    }

    @inline(__always)
    private mutating func addKey(_ byte: UInt8) {
        if keyBytes < 8 { wordKey |= UInt64(byte) << (8 * UInt64(keyBytes)) }
        keyBytes += 1
    }

    @inline(__always)
    private mutating func endDigits() {
        if digitRun == 4 && (digitRunStart == 0x31 || digitRunStart == 0x32) { yearOrTime = true }
    }

    @inline(__always)
    private mutating func endWord() {
        guard wordBytes > 0 else { return }
        words += 1
        if wordStartsUpper { capitalised += 1 }
        if wordBytes <= 8 && keyBytes <= 8 && Self.isStopWord(wordKey) { stop += 1 }
        wordBytes = 0
        wordKey = 0
        keyBytes = 0
    }

    /// Anything that is neither a letter nor an ASCII digit ends the word and the digit run.
    @inline(__always)
    private mutating func other(_ s: Unicode.Scalar, isSpace: Bool) {
        endDigits()
        if s == ":" && digitRun >= 1 && digitRun <= 2 { yearOrTime = true }
        digitRun = 0
        endWord()
        if isSpace { previousWasMark = false; return }
        if s != "'" && s != "\u{2019}" && s != "-" { symbols += 1 }
        first = false
        switch s {
        case ",": commas += 1
        case "|", "\u{00BB}", "\u{2022}", "\u{00B7}", "\u{203A}", ">", "/": separators += 1
        case ".", "!", "?", "\u{2026}": if !previousWasMark { marks += 1 }
        default: break
        }
        previousWasMark = s == "." || s == "!" || s == "?"
    }

    /// Whether the ASCII `needle` starts at `bytes[i]`, byte for byte.
    @inline(__always)
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ needle: StaticString) -> Bool {
        let m = needle.utf8CodeUnitCount
        guard i + m <= bytes.count else { return false }
        let p = needle.utf8Start
        for k in 0..<m where bytes[i + k] != p[k] { return false }
        return true
    }

    /// Function words of every language the detector knows, of up to eight UTF-8 bytes (no longer word
    /// is looked up), packed as `wordKey` packs them and sorted for a binary search.
    static let stopWordKeys: [UInt64] = {
        var keys: Set<UInt64> = []
        for words in LanguageDetector.stopWords.values {
            for word in words {
                let bytes = Array(word.lowercased().utf8)
                guard bytes.count <= 8 else { continue }
                var key: UInt64 = 0
                for (k, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(k)) }
                keys.insert(key)
            }
        }
        return keys.sorted()
    }()

    static func isStopWord(_ key: UInt64) -> Bool {
        stopWordKeys.withUnsafeBufferPointer { keys in
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < keys.count && keys[lo] == key
        }
    }
}
