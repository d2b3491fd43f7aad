import TextKit

/// Splits decoded text into units: one per line, except that hard-wrapped paragraphs (plain-text mail,
/// terminal copies) are joined back into one unit per paragraph.
enum PageSegmenter {
    static func units(_ text: String) -> [TextUnit] {
        var units: [TextUnit] = []
        /// Lines of the block: text, line number, and word count when the line was ASCII (else counted later).
        var block: [(String, Int, Int?)] = []
        var blockIndex = 0
        var lineNumber = 0
        func flush() {
            guard !block.isEmpty else { return }
            if isHardWrapped(block.map(\.0)) {
                units.append(TextUnit(text: block.map(\.0).joined(separator: " "), block: blockIndex, line: block[0].1))
            } else {
                for (line, number, words) in block {
                    if let words {
                        units.append(TextUnit(text: line, block: blockIndex, line: number, words: words))
                    } else {
                        units.append(TextUnit(text: line, block: blockIndex, line: number))
                    }
                }
            }
            block.removeAll()
            blockIndex += 1
        }
        // One pass over the bytes: lines end at LF, and runs of spaces and tabs collapse as in
        // `TextFold.collapseSpaces`, written straight into each line's string.
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i <= n {
                lineNumber += 1
                var end = i
                while end < n && bytes[end] != 0x0A { end += 1 }
                var lo = i, hi = end
                while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
                while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
                if lo == hi {
                    flush()
                } else {
                    // `TextFold.wordCount` on the way, for ASCII lines: tokens between whitespace that hold a
                    // letter or digit. A line with other bytes is counted by the general function.
                    var words = 0, tokenHasWord = false, ascii = true
                    let line = String(unsafeUninitializedCapacity: hi - lo) { out in
                        var o = 0
                        var pendingSpace = false
                        for k in lo..<hi {
                            let byte = bytes[k]
                            if byte == 0x20 || byte == 0x09 {
                                pendingSpace = true
                                continue
                            }
                            if pendingSpace {
                                out[o] = 0x20
                                o += 1
                                pendingSpace = false
                                if tokenHasWord { words += 1 }
                                tokenHasWord = false
                            }
                            if byte >= 0x80 {
                                ascii = false
                            } else if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                                tokenHasWord = true
                            } else if byte >= 0x0A && byte <= 0x0D {
                                // Whitespace to the word counter though not to the collapsing.
                                ascii = false
                            }
                            out[o] = byte
                            o += 1
                        }
                        return o
                    }
                    if tokenHasWord { words += 1 }
                    block.append((line, lineNumber, ascii ? words : nil))
                }
                i = end + 1
            }
        }
        flush()
        return units
    }

    /// Lines of similar, moderate length that run on without sentence ends were wrapped by a tool, not an author.
    static func isHardWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 2, Set(lines).count == lines.count else { return false }
        let body = lines.dropLast()
        var runOn = 0
        for line in body {
            let n = line.count
            guard n >= 40, n <= 100 else { return false }
            if let last = line.last, !".!?:;)\u{201D}\u{2019}\"".contains(last) { runOn += 1 }
        }
        guard lines.last!.count <= 100 else { return false }
        // Wrapped lines run to the wrap width; a short line above a long one is a separate line (headline, dek).
        let widest = lines.map(\.count).max()!
        guard body.allSatisfy({ $0.count * 100 >= widest * 85 }) else { return false }
        return runOn * 2 >= body.count
    }
}
