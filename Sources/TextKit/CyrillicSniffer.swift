/// Tells Russian or Ukrainian text in windows-1251 or KOI8 from Western text in Windows-1252, for bytes that
/// are not UTF-8 and declare nothing. Both kinds put their letters at 0xC0...0xFF, so the letters alone say
/// little; how they sit among the ASCII says the rest:
///
/// - Latin-1 languages write mostly ASCII letters with an accented one here and there ("café", "Größe",
///   "año"): high bytes stand alone or in pairs between ASCII letters.
/// - Cyrillic text has whole words of high bytes ("Привет" is six of them in a row), separated by ASCII
///   spaces and punctuation.
///
/// So the text is taken as Cyrillic when
/// 1. at least two thirds of its high bytes are letters (0xC0...0xFF); the rest may be 1251's і ї є ґ ё,
///    quotes and dashes, or KOI8's і ї є ё; and
/// 2. at least half of its high bytes sit in runs of 3...40 consecutive high bytes. Words are shorter than
///    40 letters; longer runs are text without spaces between words (Chinese, Japanese and Korean
///    multi-byte encodings) or box-drawing art, which must not count as Cyrillic words.
///
/// The two code pages then differ in which half holds the lowercase letters that make up most of any text:
/// а...я are 0xE0...0xFF in windows-1251 and 0xC0...0xDF in KOI8. Ties go to windows-1251, the more common.
/// KOI8 is read as KOI8-U: it is KOI8-R with the Ukrainian letters in place of eight box-drawing characters
/// that news text never uses, so Russian decodes the same and Ukrainian decodes at all.
package enum CyrillicSniffer {
    package static let shortestWord = 3
    package static let longestWord = 40

    /// windows-1251 or KOI8-U when `b[start...]` looks like Cyrillic text in it, nil when it does not.
    package static func codePage(_ b: [UInt8], from start: Int) -> SingleByteCodePage? {
        var high = 0, letters = 0, lowerHalf = 0, inWords = 0
        var run = 0
        func endRun() {
            if run >= shortestWord && run <= longestWord { inWords += run }
            run = 0
        }
        for i in start..<b.count {
            let c = b[i]
            if c < 0x80 {
                if run > 0 { endRun() }
                continue
            }
            high += 1
            run += 1
            if c >= 0xC0 {
                letters += 1
                if c < 0xE0 { lowerHalf += 1 }
            }
        }
        endRun()
        guard high > 0, letters * 3 >= high * 2, inWords * 2 >= high else { return nil }
        return lowerHalf * 2 > letters ? .koi8U : .windows1251
    }
}
