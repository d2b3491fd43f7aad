import Testing
@testable import TextKit

@Suite struct TextDecoderTests {
    func decode(_ bytes: [UInt8]) throws -> String { try TextDecoder.decode(bytes).get() }

    func refusal(_ bytes: [UInt8]) -> TextDecodingError? {
        if case .failure(let e) = TextDecoder.decode(bytes) { return e }
        return nil
    }

    @Test func stripsTheUTF8ByteOrderMark() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("Hello".utf8)) == "Hello")
    }

    @Test func unifiesCRLFAndCRLineEnds() throws {
        #expect(try decode(Array("a\r\nb\rc\nd".utf8)) == "a\nb\nc\nd")
    }

    @Test func decodesUTF16LittleAndBigEndianWithBOM() throws {
        let text = "Kyiv \u{2014} \u{041A}\u{0438}\u{0457}\u{0432}"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(le) == text)
        #expect(try decode(be) == text)
    }

    @Test func decodesUTF16WithoutBOMWhenEveryOtherByteIsNUL() throws {
        let le = Array("Plain old text here".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try decode(le) == "Plain old text here")
    }

    @Test func fallsBackToWindows1252ForAWholeLegacyFile() throws {
        // "café “quoted” – naïve" in Windows-1252.
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x96, 0x20]
            + Array("na".utf8) + [0xEF] + Array("ve".utf8)
        #expect(try decode(bytes) == "caf\u{E9} \u{201C}quoted\u{201D} \u{2013} na\u{EF}ve")
    }

    @Test func mendsAFewBadBytesInsideGoodUTF8() throws {
        let bytes = Array("Zelensky\u{2019}s plan \u{2014} ".utf8) + [0x93] + Array("aid".utf8) + [0x94]
            + Array(" for caf\u{E9}s".utf8)
        #expect(try decode(bytes) == "Zelensky\u{2019}s plan \u{2014} \u{201C}aid\u{201D} for caf\u{E9}s")
    }

    @Test func removesZeroWidthCharactersAndSoftHyphensAndTurnsNoBreakSpacesIntoSpaces() throws {
        let text = "zero\u{200B}width\u{200C}\u{200D}join\u{2060}er\u{FEFF} soft\u{AD}hyphen no\u{A0}break"
        #expect(try decode(Array(text.utf8)) == "zerowidthjoiner softhyphen no break")
    }

    @Test func composesDecomposedAccentsToNFC() throws {
        #expect(try decode(Array("Cafe\u{301}".utf8)) == "Caf\u{E9}")
        #expect(try decode(Array("Cafe\u{301}".utf8)).unicodeScalars.count == 4)
    }

    @Test func rejectsNULBytesAsBinary() {
        #expect(refusal(Array("text".utf8) + [0, 0, 1, 2] + Array("more text here".utf8))?.code == .binary)
    }

    @Test func rejectsControlByteSoupAsBinary() {
        let soup: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20]
        var bytes: [UInt8] = []
        for i in 0..<400 { bytes.append(i % 3 == 0 ? UInt8(ascii: "a") : soup[i % soup.count]) }
        #expect(refusal(bytes)?.code == .binary)
    }

    @Test func namesKnownBinaryFormats() {
        let e = refusal(Array("%PDF-1.7\n".utf8) + [0xE2, 0xE3, 0xCF])
        #expect(e?.code == .binary)
        #expect(e?.message.contains("PDF") == true)
    }

    @Test func rejectsEmptyAndWhitespaceOnlyFiles() {
        #expect(refusal([])?.code == .empty)
        #expect(refusal(Array(" \n\t\r\n  \u{A0}\u{200B}\n".utf8))?.code == .empty)
    }
}
