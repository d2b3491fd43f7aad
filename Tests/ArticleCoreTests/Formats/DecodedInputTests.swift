import Foundation
import Testing
@testable import ArticleCore

/// What the normalizer makes of bytes the decoder refuses or mends: the decoder's refusal becomes the
/// file's `NormalizeError`, and mended text still yields its article.
@Suite struct DecodedInputTests {
    @Test func rejectsNULBytesAsBinary() {
        #expect(TestInput.error(bytes: Array("text".utf8) + [0, 0, 1, 2] + Array("more text here".utf8))?.code == .binary)
    }

    @Test func rejectsControlByteSoupAsBinary() {
        let soup: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20]
        var bytes: [UInt8] = []
        for i in 0..<400 { bytes.append(i % 3 == 0 ? UInt8(ascii: "a") : soup[i % soup.count]) }
        #expect(TestInput.error(bytes: bytes)?.code == .binary)
    }

    @Test func namesKnownBinaryFormats() {
        let e = TestInput.error(bytes: Array("%PDF-1.7\n".utf8) + [0xE2, 0xE3, 0xCF])
        #expect(e?.code == .binary)
        #expect(e?.message.contains("PDF") == true)
    }

    @Test func rejectsEmptyAndWhitespaceOnlyFiles() {
        #expect(TestInput.error(bytes: [])?.code == .empty)
        #expect(TestInput.error(" \n\t\r\n  \u{A0}\u{200B}\n")?.code == .empty)
    }

    @Test func windows1252DecodedFileStillYieldsItsArticle() throws {
        var bytes = Array("Ministers agree to widen the aid programme\n\n".utf8)
        for n in 1...3 { bytes += Array(TestInput.prose(n).utf8) + [0x20, 0x93] + Array("Quoted".utf8) + [0x94] + Array("\n\n".utf8) }
        let a = try Normalizer().normalize(bytes, sourcePath: "x.txt").first!.get()
        #expect(a.paragraphs.count == 3)
        #expect(a.paragraphs[0].hasSuffix("\u{201C}Quoted\u{201D}"))
    }
}
