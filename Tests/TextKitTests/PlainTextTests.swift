import Foundation
import Testing
@testable import TextKit

/// What the byte-level fast paths rely on `PlainText` for.
@Suite struct PlainTextTests {
    static let plainScalars: [Unicode.Scalar] = (UInt32(0)...0xFFFF).filter(PlainText.isPlain).compactMap(Unicode.Scalar.init)

    @Test func plainTextIsAlreadyNFC() {
        var text = ""
        for scalar in Self.plainScalars { text += "e" + String(scalar) + "A" + String(scalar) + String(scalar) }
        #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8))
    }

    @Test func plainScalarsAreSingleCharacters() {
        var text = ""
        for scalar in Self.plainScalars where scalar != "\r" { text += "e" + String(scalar) + String(scalar) }
        #expect(text.count == text.unicodeScalars.count)
    }

    @Test func isPlainReadsEveryScalar() {
        #expect(Array("Kyiv \u{2014} “quoted” café €5".utf8).withUnsafeBufferPointer { PlainText.isPlain($0) })
        for notPlain in ["e\u{301}", "a\u{200D}b", "\u{1F600}", "Київ", "\u{2000}"] {
            #expect(!Array(notPlain.utf8).withUnsafeBufferPointer { PlainText.isPlain($0) }, "\(notPlain)")
        }
    }

    @Test func plainWordCountIsTheSpaceSplitCount() {
        for text in ["", " ", "Claudio Álvarez", "  two  words ", "REUTERS/Stringer", "a b c d e", "“Quoted” — line", "é ü ß"] {
            #expect(ByteSearch.plainWordCount(text) == text.split(separator: " ").count, "\(text)")
        }
        #expect(ByteSearch.plainWordCount("a \u{301}b") == nil)
    }
}
