import Foundation

/// Byte-level cleanup of decoded UTF-8: one line-end convention and no invisible characters,
/// so that later rules see the same text whatever editor or browser produced the file.
package enum TextCleaner {
    package static func clean(_ input: [UInt8]) -> [UInt8] {
        // Every rule writes at most the bytes it reads, so the output fits the input's size; writing through
        // a pointer instead of `append` (a capacity check per byte) made this pass several times cheaper.
        let n = input.count
        return [UInt8](unsafeUninitializedCapacity: n) { out, written in
            written = input.withUnsafeBufferPointer { b in
                // Locals of this closure, so they stay in registers.
                var o = 0
                var i = 0
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        switch c {
                        case 0x0D:
                            out[o] = 0x0A; o += 1
                            if i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                        case 0x0A, 0x09: out[o] = c; o += 1
                        case 0x0B, 0x0C: out[o] = 0x0A; o += 1
                        case 0x00..<0x20, 0x7F: break
                        default: out[o] = c; o += 1
                        }
                        i += 1
                        continue
                    }
                    if c == 0xC2 && i + 1 < n {
                        let d = b[i + 1]
                        if d == 0xA0 { out[o] = 0x20; o += 1; i += 2; continue }   // no-break space
                        if d == 0xAD || d < 0xA0 { i += 2; continue }               // soft hyphen, C1 controls
                    }
                    if c == 0xE2 && i + 2 < n {
                        let d = b[i + 1], e = b[i + 2]
                        if d == 0x80 {
                            switch e {
                            case 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0xAA...0xAE: i += 3; continue  // zero-width, bidi marks
                            case 0xAF, 0x87: out[o] = 0x20; o += 1; i += 3; continue          // narrow/figure space
                            case 0xA8, 0xA9: out[o] = 0x0A; o += 1; i += 3; continue          // line/paragraph separator
                            default: break
                            }
                        } else if d == 0x81 && (e == 0xA0 || (e >= 0xA6 && e <= 0xA9)) {
                            i += 3; continue                                                 // word joiner, isolates
                        }
                    }
                    if c == 0xEF && i + 2 < n {
                        if b[i + 1] == 0xBB && b[i + 2] == 0xBF { i += 3; continue }        // BOM inside text
                        if b[i + 1] == 0xBF && b[i + 2] == 0xBD { i += 3; continue }        // replacement character
                    }
                    out[o] = c; o += 1
                    i += 1
                }
                return o
            }
        }
    }

    /// Unicode NFC, so "é" typed as e + U+0301 and as U+00E9 compare and hash the same.
    package static func composed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }
}
