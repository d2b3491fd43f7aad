import Testing
@testable import HTMLKit
import TextKit

/// The charset an HTML page declares, read as the WHATWG prescan reads it, and the Encoding Standard's
/// labels it may use.
@Suite struct HTMLCharsetSnifferTests {
    func sniff(_ html: String) -> TextEncoding? {
        HTMLCharsetSniffer.declaredEncoding(Array(html.utf8))
    }

    static let head = "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n"

    // MARK: <meta> forms

    @Test func readsAQuotedMetaCharset() {
        #expect(sniff(Self.head + "<meta charset=\"windows-1251\">") == .singleByte(.windows1251))
        #expect(sniff(Self.head + "<meta charset='koi8-r'>") == .singleByte(.koi8R))
    }

    @Test func readsAnUnquotedMetaCharset() {
        #expect(sniff(Self.head + "<meta charset=windows-1251>") == .singleByte(.windows1251))
        #expect(sniff(Self.head + "<meta charset=iso-8859-5 />") == .singleByte(.iso8859_5))
        // Unquoted, the value runs to a space or ">": "iso-8859-5/" is no label, as in browsers.
        #expect(sniff(Self.head + "<meta charset=iso-8859-5/>") == nil)
    }

    @Test func readsHttpEquivContentTypeInEitherAttributeOrder() {
        let equivFirst = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
        let contentFirst = "<meta content='text/html;charset=KOI8-R' http-equiv='content-type'>"
        #expect(sniff(Self.head + equivFirst) == .singleByte(.windows1251))
        #expect(sniff(Self.head + contentFirst) == .singleByte(.koi8R))
    }

    @Test func readsAQuotedCharsetInsideContent() {
        let meta = "<meta http-equiv=\"content-type\" content='text/html; charset = \"iso-8859-2\"'>"
        #expect(sniff(Self.head + meta) == .singleByte(.iso8859_2))
    }

    @Test func ignoresContentWithoutTheHttpEquivPragma() {
        #expect(sniff(Self.head + "<meta name=\"x\" content=\"text/html; charset=windows-1251\">") == nil)
    }

    @Test func ignoresTheCaseOfTagAttributeAndLabel() {
        #expect(sniff(Self.head + "<META CHARSET=\"Windows-1251\">") == .singleByte(.windows1251))
        #expect(sniff(Self.head + "<Meta HTTP-EQUIV=CONTENT-TYPE CONTENT=\"TEXT/HTML; CHARSET=CP1251\">")
            == .singleByte(.windows1251))
    }

    @Test func ignoresSpacesAroundTheLabelAndBetweenAttributes() {
        #expect(sniff(Self.head + "<meta\n  charset = \" windows-1251 \" >") == .singleByte(.windows1251))
    }

    @Test func ignoresAMetaInsideAComment() {
        let html = Self.head + "<!-- <meta charset=\"koi8-r\"> -->\n<meta charset=\"windows-1251\">"
        #expect(sniff(html) == .singleByte(.windows1251))
        #expect(sniff(Self.head + "<!-- <meta charset=\"koi8-r\"> -->") == nil)
        #expect(sniff(Self.head + "<!--><meta charset=\"koi8-r\">") == .singleByte(.koi8R))
    }

    @Test func ignoresAMetaInsideAnotherTagsQuotedAttribute() {
        let html = Self.head + "<a title='<meta charset=\"koi8-r\">'>x</a><meta charset=\"windows-1251\">"
        #expect(sniff(html) == .singleByte(.windows1251))
    }

    @Test func ignoresAMetaAfterTheFirst1024Bytes() {
        let padding = "<!-- " + String(repeating: "x", count: 1024) + " -->\n"
        #expect(sniff(Self.head + padding + "<meta charset=\"windows-1251\">") == nil)
        let near = Self.head + String(repeating: " ", count: 1024 - Self.head.utf8.count - 30)
        #expect(sniff(near + "<meta charset=\"windows-1251\">") == .singleByte(.windows1251))
    }

    @Test func ignoresAMetaCutOffAtThe1024thByte() {
        let meta = "<meta charset=\"windows-1251\">"
        let cut = Self.head + String(repeating: " ", count: 1024 - Self.head.utf8.count - meta.utf8.count + 1)
        #expect(sniff(cut + meta) == nil)
    }

    @Test func theFirstMetaThatNamesAKnownEncodingWins() {
        #expect(sniff(Self.head + "<meta charset=\"koi8-r\"><meta charset=\"windows-1251\">") == .singleByte(.koi8R))
        #expect(sniff(Self.head + "<meta charset=\"no-such-thing\"><meta charset=\"windows-1251\">")
            == .singleByte(.windows1251))
    }

    // MARK: The XML declaration

    @Test func readsAnXMLDeclarationAtTheVeryStart() {
        #expect(sniff("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<html><head>") == .singleByte(.windows1251))
        #expect(sniff("<?xml version='1.0' encoding = 'KOI8-R'?><html>") == .singleByte(.koi8R))
    }

    @Test func aMetaBeatsTheXMLDeclaration() {
        let html = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<html><head><meta charset=\"windows-1251\">"
        #expect(sniff(html) == .singleByte(.windows1251))
    }

    @Test func ignoresAnXMLDeclarationThatIsNotAtTheStart() {
        #expect(sniff("\n<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<html>") == nil)
    }

    // MARK: Labels

    @Test(arguments: [
        ("latin1", TextEncoding.singleByte(.windows1252)), ("iso-8859-1", .singleByte(.windows1252)),
        ("us-ascii", .singleByte(.windows1252)), ("ascii", .singleByte(.windows1252)),
        ("cp1251", .singleByte(.windows1251)), ("windows-1251", .singleByte(.windows1251)),
        ("x-cp1251", .singleByte(.windows1251)), ("koi8-r", .singleByte(.koi8R)), ("koi8", .singleByte(.koi8R)),
        ("cskoi8r", .singleByte(.koi8R)), ("koi8-u", .singleByte(.koi8U)), ("utf8", .utf8),
        ("unicode-1-1-utf-8", .utf8), ("iso-8859-9", .singleByte(.windows1254)), ("cp866", .singleByte(.ibm866)),
        ("iso-8859-8-i", .singleByte(.iso8859_8)), ("mac", .singleByte(.macintosh)), ("shift_jis", .undecoded("Shift_JIS")),
        ("gb2312", .undecoded("GBK")), ("euc-kr", .undecoded("EUC-KR")), ("big5", .undecoded("Big5")),
    ])
    func mapsLabelsAsTheEncodingStandardDoes(label: String, encoding: TextEncoding) {
        #expect(TextEncoding(label: label) == encoding)
        #expect(sniff(Self.head + "<meta charset=\"\(label)\">") == encoding)
    }

    @Test func aDeclaredUTF16PageWithoutBOMMeansUTF8() {
        #expect(sniff(Self.head + "<meta charset=\"utf-16\">") == .utf8)
        #expect(sniff(Self.head + "<meta http-equiv=content-type content=\"text/html; charset=UTF-16LE\">") == .utf8)
    }

    @Test func xUserDefinedMeansWindows1252() {
        #expect(sniff(Self.head + "<meta charset=\"x-user-defined\">") == .singleByte(.windows1252))
    }

    @Test func anUnknownLabelDeclaresNothing() {
        #expect(TextEncoding(label: "klingon-8") == nil)
        #expect(sniff(Self.head + "<meta charset=\"klingon-8\">") == nil)
    }

    @Test func everySingleByteCodePageHasItsOwnNameAsALabel() {
        for page in SingleByteCodePage.allCases {
            #expect(TextEncoding(label: page.rawValue) == .singleByte(page), "\(page.rawValue)")
        }
    }

    // MARK: Decoding a sniffed page

    @Test func aByteOrderMarkBeatsTheMeta() throws {
        let html = Self.head + "<meta charset=\"windows-1251\"></head><body><p>Привет</p></body></html>"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(html.utf8)
        let declared = HTMLCharsetSniffer.declaredEncoding(bytes)
        #expect(declared == .singleByte(.windows1251))
        #expect(try TextDecoder.decode(bytes, declared: declared).get().contains("<p>Привет</p>"))
    }

    @Test func aPageWithAnUnknownLabelDecodesAsBefore() throws {
        let bytes = Array((Self.head + "<meta charset=\"klingon-8\"></head><body><p>caf").utf8) + [0xE9]
            + Array("</p></body></html>".utf8)
        let declared = HTMLCharsetSniffer.declaredEncoding(bytes)
        #expect(try TextDecoder.decode(bytes, declared: declared).get().contains("<p>caf\u{E9}</p>"))
    }

    @Test func aUTF16XMLDeclarationWithoutBOMIsReadAsUTF16() throws {
        let text = "<?xml version=\"1.0\"?><html><body><p>Привет</p></body></html>"
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(HTMLCharsetSniffer.declaredEncoding(le) == .utf16(bigEndian: false))
        #expect(try TextDecoder.decode(le, declared: .utf16(bigEndian: false)).get() == text)
    }
}
