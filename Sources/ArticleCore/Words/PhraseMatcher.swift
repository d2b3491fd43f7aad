import TextKit

/// Case-, quote- and space-insensitive phrase search over folded UTF-8 bytes, with word boundaries
/// where the phrase begins or ends with a letter or digit ("JNS" must not match inside "JNSX").
enum PhraseMatcher {
    struct Haystack {
        let bytes: [UInt8]

        init(_ text: some StringProtocol) {
            bytes = Array(TextFold.fold(text).utf8)
        }

        init(folded: String) {
            bytes = Array(folded.utf8)
        }

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        func contains(_ phrase: String) -> Bool {
            firstMatch(Array(TextFold.fold(phrase).utf8), from: 0) != nil
        }

        func contains(foldedPhrase needle: [UInt8]) -> Bool {
            firstMatch(needle, from: 0) != nil
        }

        func count(of phrase: String) -> Int {
            let needle = Array(TextFold.fold(phrase).utf8)
            var n = 0
            var from = 0
            while let at = firstMatch(needle, from: from) {
                n += 1
                from = at + needle.count
            }
            return n
        }

        func firstMatch(_ needle: [UInt8], from start: Int) -> Int? {
            guard let first = needle.first, needle.count <= bytes.count else { return nil }
            let checkBefore = isWordByte(first)
            let checkAfter = isWordByte(needle[needle.count - 1])
            return bytes.withUnsafeBufferPointer { hay in
                needle.withUnsafeBufferPointer { nd in
                    var i = start
                    let last = hay.count - nd.count
                    while i <= last {
                        if hay[i] == first {
                            var j = 1
                            while j < nd.count && hay[i + j] == nd[j] { j += 1 }
                            if j == nd.count
                                && !(checkBefore && i > 0 && isWordByte(hay[i - 1]))
                                && !(checkAfter && i + nd.count < hay.count && isWordByte(hay[i + nd.count])) {
                                return i
                            }
                        }
                        i += 1
                    }
                    return nil
                }
            }
        }
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }
}
