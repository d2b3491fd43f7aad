import TextKit

/// The distinct content words (four letters or digits or more) of some folded lines, and how many words of
/// another folded line are among them: the headline model asks this of every candidate against the lede.
///
/// A `Set<Substring>` of them cost 8% of a normalization, most of it in building, splitting into
/// `Character`s and hashing `Substring`s. Here a word is a range of the line's UTF-8 bytes, hashed (FNV-1a)
/// while it is scanned and kept in an open-addressing table over one byte buffer. What a word is stays what
/// the `Character` split made it: on ASCII lines, and lines whose scalars each stand as a `Character`, a
/// scalar is a character; other lines (combining marks, joiners, Indic or Hangul clusters) are still split
/// on `Character`s. A word holding a non-ASCII scalar is kept as a `String`, so it still matches a
/// canonically equivalent spelling ("é" as one scalar or two). Such a word never equals an ASCII one: folded
/// text is lowercase, and no lowercase non-ASCII scalar decomposes to ASCII letters or digits.
struct ContentWordSet {
    private struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = 0
        /// 0 marks an empty slot: a stored word has four bytes or more.
        var length: Int32 = 0
    }

    /// The stored ASCII words' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Power-of-two table, at most half full; three lede paragraphs hold a hundred or two distinct words.
    private var slots = [Slot](repeating: Slot(), count: 512)
    private var asciiCount = 0
    private var others: Set<String> = []

    var count: Int { asciiCount + others.count }

    /// Adds the content words of a `TextFold.fold`ed line.
    mutating func insertWords(of folded: String) {
        Self.scan(folded, ascii: { line, start, end, hash in
            if self.find(line, start, end, hash) == nil { self.insert(line, start, end, hash) }
        }, other: { word in
            self.others.insert(word)
        })
    }

    /// How many content words a folded line has (repeats counted), and how many of them the set holds.
    func overlap(_ folded: String) -> (words: Int, shared: Int) {
        var words = 0, shared = 0
        Self.scan(folded, ascii: { line, start, end, hash in
            words += 1
            if self.find(line, start, end, hash) != nil { shared += 1 }
        }, other: { word in
            words += 1
            if self.others.contains(word) { shared += 1 }
        })
        return (words, shared)
    }

    /// Calls `ascii` with the byte range and hash of each ASCII content word, `other` with each word that
    /// holds another scalar.
    @inline(__always)
    private static func scan(_ folded: String, ascii: (UnsafeBufferPointer<UInt8>, Int, Int, UInt64) -> Void,
                             other: (String) -> Void) {
        let done: Void? = folded.utf8.withContiguousStorageIfAvailable { scan($0, folded, ascii: ascii, other: other) }
        if done == nil { Array(folded.utf8).withUnsafeBufferPointer { scan($0, folded, ascii: ascii, other: other) } }
    }

    @inline(__always)
    private static func scan(_ line: UnsafeBufferPointer<UInt8>, _ folded: String,
                             ascii: (UnsafeBufferPointer<UInt8>, Int, Int, UInt64) -> Void, other: (String) -> Void) {
        if !line.contains(where: { $0 >= 0x80 }) {
            scanASCII(line, ascii: ascii)
        } else if scalarsStandAlone(line) {
            scanScalars(line, ascii: ascii, other: other)
        } else {
            splitOnCharacters(folded, ascii: ascii, other: other)
        }
    }

    /// On an ASCII line a letter or digit is [a-zA-Z0-9] and a character is a byte.
    @inline(__always)
    private static func scanASCII(_ line: UnsafeBufferPointer<UInt8>, ascii: (UnsafeBufferPointer<UInt8>, Int, Int, UInt64) -> Void) {
        var i = 0
        let n = line.count
        while i < n {
            guard isWordByte(line[i]) else { i += 1; continue }
            let start = i
            var hash = offsetBasis
            while i < n && isWordByte(line[i]) {
                hash = (hash ^ UInt64(line[i])) &* prime
                i += 1
            }
            if i - start >= 4 { ascii(line, start, i, hash) }
        }
    }

    /// Whether every scalar of the line is a `Character` of its own: no scalar of these blocks (Latin,
    /// Greek, Cyrillic, general punctuation, currency and other symbols) is one that a grapheme cluster rule
    /// joins to its neighbour (a combining mark, joiner, spacing mark, prepended letter, Hangul jamo or
    /// regional indicator), and ASCII's only pair, CR LF, is no letter either way.
    private static func scalarsStandAlone(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < line.count {
            if line[i] < 0x80 { i += 1; continue }
            switch TextFold.decodeScalar(line, at: &i).value {
            case 0x80..<0x300, 0x370..<0x483, 0x48A..<0x530, 0x1E00..<0x200C, 0x200E..<0x20D0, 0x2100..<0x2C00: continue
            default: return false
            }
        }
        return true
    }

    /// A line whose scalars are its `Character`s: a word is a run of letter or number scalars, and a scalar
    /// is a letter or number as its `Character` is.
    private static func scanScalars(_ line: UnsafeBufferPointer<UInt8>, ascii: (UnsafeBufferPointer<UInt8>, Int, Int, UInt64) -> Void,
                                    other: (String) -> Void) {
        var i = 0, start = 0, scalars = 0
        var nonASCII = false
        var hash = offsetBasis
        func end(at i: Int) {
            guard scalars >= 4 else { return }
            if nonASCII {
                other(String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self))
            } else {
                ascii(line, start, i, hash)
            }
        }
        while i < line.count {
            let at = i
            let isWord: Bool
            if line[i] < 0x80 {
                isWord = isWordByte(line[i])
                i += 1
            } else {
                isWord = TextFold.isWordScalar(TextFold.decodeScalar(line, at: &i))
            }
            guard isWord else {
                end(at: at)
                scalars = 0
                continue
            }
            if scalars == 0 {
                start = at
                nonASCII = false
                hash = offsetBasis
            }
            scalars += 1
            if i - at > 1 { nonASCII = true }
            for k in at..<i { hash = (hash ^ UInt64(line[k])) &* prime }
        }
        end(at: i)
    }

    /// Lines with scalars that join into larger `Character`s: the split the `Substring` set used.
    private static func splitOnCharacters(_ folded: String, ascii: (UnsafeBufferPointer<UInt8>, Int, Int, UInt64) -> Void,
                                          other: (String) -> Void) {
        for word in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.count >= 4 {
            let utf8 = Array(word.utf8)
            guard !utf8.contains(where: { $0 >= 0x80 }) else { other(String(word)); continue }
            var hash = offsetBasis
            for b in utf8 { hash = (hash ^ UInt64(b)) &* prime }
            utf8.withUnsafeBufferPointer { ascii($0, 0, $0.count, hash) }
        }
    }

    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    /// The slot holding the word, if it is stored.
    @inline(__always)
    private func find(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[k]
            if slot.length == 0 { return nil }
            if slot.hash == hash && Int(slot.length) == end - start {
                var i = 0
                let base = Int(slot.start)
                while i < end - start && bytes[base + i] == line[start + i] { i += 1 }
                if i == end - start { return k }
            }
            k = (k + 1) & mask
        }
    }

    private mutating func insert(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ hash: UInt64) {
        if (asciiCount + 1) * 2 > slots.count { grow() }
        let slot = Slot(hash: hash, start: Int32(bytes.count), length: Int32(end - start))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[start..<end]))
        place(slot)
        asciiCount += 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[k].length != 0 { k = (k + 1) & mask }
        slots[k] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.length != 0 { place(slot) }
    }
}
