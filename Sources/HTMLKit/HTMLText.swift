import TextKit

/// Whitespace handling for text taken out of HTML, where line breaks in the source mean nothing.
package enum HTMLText {
    /// `bytes` with every run of HTML whitespace and no-break spaces made one space, trimmed, and cleaned
    /// as decoded files are (invisible characters dropped).
    package static func collapsed(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if HTMLBytes.isSpace(b) {
                pendingSpace = !out.isEmpty
                i += 1
                continue
            }
            if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 {
                pendingSpace = !out.isEmpty
                i += 2
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(b)
            i += 1
        }
        return finished(out)
    }

    /// UTF-8 from the page as clean, composed text: entities can produce the invisible characters and
    /// decomposed letters that `TextDecoder` removed from the raw bytes.
    package static func finished(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let cleaned = TextCleaner.clean(bytes)
        return TextCleaner.composed(String(decoding: cleaned, as: UTF8.self)).trimmingSpaces
    }
}
