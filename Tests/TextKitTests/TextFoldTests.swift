import Testing
@testable import TextKit

/// The byte-level `TextFold.fold` against the String-level definition it replaced, so that hashes,
/// boilerplate verdicts and echoes stay exactly what they were.
@Suite struct TextFoldTests {
    /// The original: `lowercased()`, then per-scalar space collapsing and quote and dash folding.
    static func reference(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if TextFold.isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(TextFold.foldScalar(scalar))
        }
        return String(out)
    }

    @Test func everyScalarFoldsAsLowercasedThenFolded() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = " Ab" + String(scalar) + "\u{2019}C \u{00A0}" + String(scalar)
            if Array(TextFold.fold(text).utf8) != Array(Self.reference(text).utf8) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10))")
    }

    @Test(arguments: [
        "", "   ", "\t\n", "Hello, World", "  “Quoted” — text\u{2009}with\u{3000}odd   spaces  ",
        "İSTANBUL ΟΔΟΣ ẞtraße Ǆemal", "e\u{301}te\u{301} CAFÉ", "Line one\r\nLine two\u{2028}three",
        "🍵 Tea \u{1F1EB}\u{1F1F7} «Guillemets» ‹single›", "x\u{0}y\u{7F}z",
    ])
    func samplesFoldAsBefore(_ text: String) {
        #expect(Array(TextFold.fold(text).utf8) == Array(Self.reference(text).utf8))
        let sub = text.dropFirst()
        #expect(Array(TextFold.fold(sub).utf8) == Array(Self.reference(sub).utf8))
    }

    /// The original word count, over unicode scalars.
    static func referenceWordCount(_ text: some StringProtocol) -> Int {
        var count = 0
        var inToken = false
        var tokenHasWord = false
        for scalar in text.unicodeScalars {
            if TextFold.isSpace(scalar) {
                if inToken && tokenHasWord { count += 1 }
                inToken = false
                tokenHasWord = false
            } else {
                inToken = true
                if !tokenHasWord && TextFold.isWordScalar(scalar) { tokenHasWord = true }
            }
        }
        if inToken && tokenHasWord { count += 1 }
        return count
    }

    @Test func everyScalarCountsWordsAsBefore() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar)
            let text = s + " a" + s + " -" + s + "- " + s + s
            if TextFold.wordCount(text) != Self.referenceWordCount(text)
                || TextFold.wordCount(text.dropFirst()) != Self.referenceWordCount(text.dropFirst()) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10))")
    }
}
