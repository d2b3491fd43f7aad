@testable import ArticleCore
import Foundation
import Testing
import TextKit

/// Legacy single-byte code pages: declared ones (an HTML page's charset) and undeclared Russian and
/// Ukrainian text recognised in windows-1251 or KOI8. Input bytes are either written out byte by byte or
/// encoded by the helpers below, which know the code pages' layouts by rule (а...я at 0xE0...0xFF in
/// windows-1251, the KOI8 letter order) rather than through the decoder's generated tables.
@Suite struct LegacyEncodingTests {
    // MARK: Encoders written independently of the generated tables

    struct Unmappable: Error { let scalar: Unicode.Scalar }

    static func encode(_ text: String, _ byte: (Unicode.Scalar) -> UInt8?) throws -> [UInt8] {
        try text.unicodeScalars.map { s in
            if s.value < 0x80 { return UInt8(s.value) }
            guard let b = byte(s) else { throw Unmappable(scalar: s) }
            return b
        }
    }

    static func windows1251(_ text: String) throws -> [UInt8] {
        let extra: [Unicode.Scalar: UInt8] = [
            "Ё": 0xA8, "ё": 0xB8, "Є": 0xAA, "є": 0xBA, "І": 0xB2, "і": 0xB3, "Ї": 0xAF, "ї": 0xBF, "Ґ": 0xA5,
            "ґ": 0xB4, "«": 0xAB, "»": 0xBB, "\u{2014}": 0x97, "\u{2013}": 0x96, "\u{2019}": 0x92, "№": 0xB9,
            "©": 0xA9,
        ]
        return try encode(text) { s in
            if (0x410...0x44F).contains(s.value) { return UInt8(0xC0 + s.value - 0x410) }
            return extra[s]
        }
    }

    /// KOI8-R's letters: lowercase at 0xC0...0xDF in this order, uppercase the same at 0xE0...0xFF.
    static let koi8Order = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)

    static func koi8(_ text: String, ukrainian: Bool = false) throws -> [UInt8] {
        var extra: [Unicode.Scalar: UInt8] = ["ё": 0xA3, "Ё": 0xB3]
        if ukrainian {
            extra.merge(["є": 0xA4, "і": 0xA6, "ї": 0xA7, "ґ": 0xAD, "Є": 0xB4, "І": 0xB6, "Ї": 0xB7, "Ґ": 0xBD]) { $1 }
        }
        return try encode(text) { s in
            if let i = koi8Order.firstIndex(of: s) { return UInt8(0xC0 + i) }
            let lower = Unicode.Scalar(s.value + 0x20)
            if (0x410...0x42F).contains(s.value), let lower, let i = koi8Order.firstIndex(of: lower) {
                return UInt8(0xE0 + i)
            }
            return extra[s]
        }
    }

    static func windows1252(_ text: String) throws -> [UInt8] {
        let extra: [Unicode.Scalar: UInt8] = [
            "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96,
            "—": 0x97, "Œ": 0x8C, "œ": 0x9C,
        ]
        return try encode(text) { s in (0xA0...0xFF).contains(s.value) ? UInt8(s.value) : extra[s] }
    }

    func decode(_ bytes: [UInt8], declared: TextEncoding? = nil) throws -> String {
        try TextDecoder.decode(bytes, declared: declared).get()
    }

    // MARK: Texts

    static let russianTitle = "Новосибирск отремонтирует набережную Оби за два года"
    static let russian = [
        "Городской совет Новосибирска в четверг утвердил план ремонта набережной Оби. Работы начнутся весной и "
            + "продлятся два года, сообщил заместитель мэра Андрей Соколов. По его словам, на проект выделено около "
            + "трёх миллиардов рублей из городского и областного бюджетов.",
        "Первыми обновят участок от Коммунального моста до речного вокзала. Там появятся велосипедные дорожки, "
            + "новые скамейки и освещение, а у воды оборудуют несколько площадок для рыбаков. Движение транспорта "
            + "по набережной во время работ ограничат только по ночам.",
        "«Мы хотим, чтобы жители наконец получили удобное место для прогулок», — сказал Соколов журналистам после "
            + "заседания. Предыдущий ремонт набережной растянулся почти на пять лет, и в мэрии обещают, что на этот "
            + "раз подрядчик будет отчитываться о ходе работ каждый месяц.",
    ]
    static let ukrainianTitle = "Київ відремонтує Північний міст протягом трьох років"
    static let ukrainian = [
        "Київська міська рада в четвер ухвалила програму ремонту мостів через Дніпро. Роботи розпочнуться навесні "
            + "й триватимуть щонайменше три роки, повідомив заступник голови міської адміністрації Олег Левченко. "
            + "За його словами, першим відремонтують Північний міст, який щодня перетинають понад сто тисяч автомобілів.",
        "Під час першого етапу на мосту замінять деформаційні шви та частину опор, а також оновлять освітлення й "
            + "покриття пішохідних доріжок. Рух транспорту обмежать лише вночі, щоб не створювати заторів у години пік.",
        "Мешканці лівого берега сприйняли новину зі стриманим оптимізмом. Багато хто пам’ятає, що попередній "
            + "ремонт мосту затягнувся майже на п’ять років. У міській адміністрації обіцяють щомісяця звітувати "
            + "про перебіг робіт.",
    ]
    /// KOI8 has no « » — or ’: text typed in it uses ASCII quotes, hyphens and apostrophes.
    static func asciiPunctuation(_ s: String) -> String {
        s.replacingOccurrences(of: "«", with: "\"").replacingOccurrences(of: "»", with: "\"")
            .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "’", with: "'")
    }

    static let french = "Le conseil municipal de Lyon a adopté jeudi un plan de rénovation des quais du Rhône. Les "
        + "travaux débuteront au printemps et dureront deux ans, a précisé l’adjoint au maire chargé de l’urbanisme. "
        + "« Nous voulons que les habitants retrouvent enfin un lieu de promenade agréable », a-t-il déclaré. Le coût "
        + "total est estimé à 48 millions d’euros, financés à parts égales par la ville et la métropole."
    static let german = "Der Stadtrat von München hat am Donnerstag den Umbau der Isarufer beschlossen. Die Arbeiten "
        + "sollen im Frühjahr beginnen und zwei Jahre dauern, teilte die Zweite Bürgermeisterin mit. „Wir wollen, dass "
        + "die Bürgerinnen und Bürger endlich einen schönen Ort zum Spazierengehen bekommen“, sagte sie. Die Kosten "
        + "werden auf rund 48 Millionen Euro geschätzt; Anwohner äußerten sich überwiegend positiv."
    static let spanish = "El Ayuntamiento de Sevilla aprobó el jueves un plan para renovar las orillas del "
        + "Guadalquivir. Las obras comenzarán en primavera y durarán dos años, según informó la concejala de Urbanismo. "
        + "«Queremos que los vecinos recuperen por fin un lugar agradable para pasear», declaró. El coste total se "
        + "estima en 48 millones de euros. ¿Habrá retrasos? La alcaldía asegura que no."

    static func page(_ title: String, _ paragraphs: [String]) -> String {
        ([title] + paragraphs).joined(separator: "\n\n") + "\n"
    }

    // MARK: Fixed bytes of known meaning

    @Test func decodesPrivetFromWindows1251Bytes() throws {
        #expect(try decode([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], declared: .singleByte(.windows1251)) == "Привет")
    }

    @Test func decodesPrivetFromKOI8RBytes() throws {
        #expect(try decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], declared: .singleByte(.koi8R)) == "Привет")
    }

    static let knownWords: [(SingleByteCodePage, [UInt8], String)] = [
        (.ibm866, [0x8F, 0xE0, 0xA8, 0xA2, 0xA5, 0xE2], "Привет"),
        (.iso8859_2, [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
        (.iso8859_3, [0xB1, 0x61, 0x6C, 0x74, 0x61], "ħalta"),
        (.iso8859_4, [0xE0, 0x62, 0x6F, 0x6C], "ābol"),
        (.iso8859_5, [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], "Привет"),
        (.iso8859_6, [0xD3, 0xE4, 0xC7, 0xE5], "سلام"),
        (.iso8859_7, [0xC1, 0xE8, 0xDE, 0xED, 0xE1], "Αθήνα"),
        (.iso8859_8, [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
        (.iso8859_10, [0xE0, 0xF0, 0xBF], "āðŋ"),
        (.iso8859_13, [0xE0, 0xE8, 0xEB], "ąčė"),
        (.iso8859_14, [0xF0, 0xA2, 0xFE], "ŵḃŷ"),
        (.iso8859_15, [0xA4, 0xBD, 0xBE], "€œŸ"),
        (.iso8859_16, [0xBA, 0xFE, 0xA4], "șț€"),
        (.koi8R, [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        (.koi8U, [0xEB, 0xC9, 0xA7, 0xD7], "Київ"),
        (.macintosh, [0x43, 0x61, 0x66, 0x8E], "Café"),
        (.windows874, [0xA1, 0xC3, 0xD8, 0xA7, 0xE0, 0xB7, 0xBE], "กรุงเทพ"),
        (.windows1250, [0xA3, 0xF3, 0x64, 0x9F], "Łódź"),
        (.windows1251, [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
        (.windows1252, [0x80, 0x93, 0xE9, 0x94], "€“é”"),
        (.windows1253, [0xC1, 0xE8, 0xDE, 0xED, 0xE1], "Αθήνα"),
        (.windows1254, [0xDD, 0x73, 0x74, 0x61, 0x6E, 0x62, 0x75, 0x6C], "İstanbul"),
        (.windows1255, [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
        (.windows1256, [0xD3, 0xE1, 0xC7, 0xE3], "سلام"),
        (.windows1257, [0xC0, 0xE8, 0xEB], "Ąčė"),
        (.windows1258, [0x48, 0x61, 0x20, 0x4E, 0x6F, 0x69, 0x20, 0xFE], "Ha Noi ₫"),
        (.xMacCyrillic, [0x8F, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
    ]

    @Test(arguments: knownWords)
    func decodesAKnownWordInEachDeclaredCodePage(page: SingleByteCodePage, bytes: [UInt8], expected: String) throws {
        #expect(try decode(bytes, declared: .singleByte(page)) == expected)
    }

    @Test func everyCodePageHasAKnownWordTestAndAFullASCIICompatibleTable() {
        #expect(Set(Self.knownWords.map(\.0.rawValue)) == Set(SingleByteCodePage.allCases.map(\.rawValue)))
        for page in SingleByteCodePage.allCases {
            #expect(page.high.count == 128, "\(page)")
            #expect((0..<0x80).allSatisfy { page.scalar(UInt8($0)).value == UInt32($0) }, "\(page)")
        }
    }

    @Test func koi8UReadsUkrainianLettersWhereKOI8RHasBoxDrawing() throws {
        let bytes: [UInt8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xAE, 0xB4, 0xB6, 0xB7, 0xBD, 0xBE]
        #expect(String(decoding: SingleByteCodePage.koi8U.decode(bytes, from: 0), as: UTF8.self) == "єіїґўЄІЇҐЎ")
        #expect(SingleByteCodePage.koi8R.scalar(0xA6) == "\u{2555}")
    }

    @Test func windows1252KeepsItsFiveHolesAsReplacementCharacters() {
        for hole: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] { #expect(Windows1252.scalar(hole) == "\u{FFFD}") }
        #expect(Windows1252.scalar(0x93) == "\u{201C}")
        #expect(Windows1252.scalar(0x80) == "€")
        #expect(Windows1252.scalar(0xE9) == "é")
    }

    // MARK: Declared code pages

    @Test func aDeclaredCodePageDecodesAWholeParagraph() throws {
        let text = Self.russian[0]
        #expect(try decode(try Self.windows1251(text), declared: .singleByte(.windows1251)) == text)
    }

    @Test func aDeclaredLegacyCodePageOnValidUTF8IsReadAsUTF8() throws {
        // A page re-saved as UTF-8 that kept its old <meta charset="windows-1251">.
        let text = Self.russian[1]
        #expect(try decode(Array(text.utf8), declared: .singleByte(.windows1251)) == text)
    }

    @Test func aDeclaredCodePageWinsOverAccidentalUTF8Sequences() throws {
        // "กรุงเทพ" in windows-874: D8 A7 and E0 B7 BE happen to be valid UTF-8, A1 and C3 are not.
        let bytes: [UInt8] = [0xA1, 0xC3, 0xD8, 0xA7, 0xE0, 0xB7, 0xBE]
        #expect(try decode(bytes, declared: .singleByte(.windows874)) == "กรุงเทพ")
        // With UTF-8 and its stray bytes mixed, the declared page reads all of it: the label is not stale.
        // C3 A9 would be "é" in UTF-8; in windows-1251 it is "Г©".
        let mixed: [UInt8] = Array("ab ".utf8) + [0xC3, 0xA9, 0xEC, 0xE8, 0xF0]
        #expect(try decode(mixed, declared: .singleByte(.windows1251)) == "ab \u{0413}\u{00A9}мир")
    }

    @Test func aDeclaredUTF8PageMendsStrayBytesAsWindows1252AsBefore() throws {
        let bytes = Array("Zelensky\u{2019}s plan \u{2014} ".utf8) + [0x93] + Array("aid".utf8) + [0x94]
        #expect(try decode(bytes, declared: .utf8) == "Zelensky\u{2019}s plan \u{2014} \u{201C}aid\u{201D}")
        #expect(try decode(bytes, declared: .utf8) == decode(bytes))
    }

    @Test func aCJKDeclarationDecodesAsBeforeWithoutTheCyrillicGuess() throws {
        let bytes = try Self.windows1251(Self.russian[0])
        let asBefore = try TextDecoder.decode(bytes, guessesCyrillic: false).get()
        #expect(try decode(bytes, declared: .undecoded("Shift_JIS")) == asBefore)
        #expect(asBefore.hasPrefix("Ãîðîäñêîé"))
    }

    // MARK: Undeclared Cyrillic

    @Test func undeclaredRussianInWindows1251IsRecognised() throws {
        for paragraph in Self.russian {
            #expect(try decode(try Self.windows1251(paragraph)) == paragraph)
        }
    }

    @Test func undeclaredUkrainianInWindows1251IsRecognised() throws {
        for paragraph in Self.ukrainian {
            #expect(try decode(try Self.windows1251(paragraph)) == paragraph)
        }
    }

    @Test func undeclaredRussianInKOI8RIsRecognised() throws {
        for paragraph in Self.russian.map(Self.asciiPunctuation) {
            #expect(try decode(try Self.koi8(paragraph)) == paragraph)
        }
    }

    @Test func undeclaredUkrainianInKOI8UIsRecognised() throws {
        for paragraph in Self.ukrainian.map(Self.asciiPunctuation) {
            #expect(try decode(try Self.koi8(paragraph, ukrainian: true)) == paragraph)
        }
    }

    @Test func theHalfHoldingTheLowercaseLettersTellsWindows1251FromKOI8() {
        #expect(CyrillicSniffer.codePage([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], from: 0) == .windows1251)
        #expect(CyrillicSniffer.codePage([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], from: 0) == .koi8U)
    }

    @Test func frenchGermanAndSpanishWindows1252TextStaysWindows1252() throws {
        for text in [Self.french, Self.german, Self.spanish] {
            let bytes = try Self.windows1252(text)
            #expect(CyrillicSniffer.codePage(bytes, from: 0) == nil)
            #expect(try decode(bytes) == text)
        }
    }

    @Test func longRunsOfHighBytesWithoutSpacesAreNotCyrillicWords() {
        // GBK "北京市政府" over and over, as a Chinese line without spaces would be.
        let line = Array(repeating: [0xB1, 0xB1, 0xBE, 0xA9, 0xCA, 0xD0, 0xD5, 0xFE, 0xB8, 0xAE] as [UInt8], count: 12).flatMap { $0 }
        #expect(CyrillicSniffer.codePage(line + [0x0A] + line, from: 0) == nil)
    }

    @Test func jsonIsNeverGuessedCyrillic() throws {
        let bytes = try Self.windows1251(Self.russian[0])
        #expect(try TextDecoder.decode(bytes, guessesCyrillic: false).get().hasPrefix("Ãîðîäñêîé"))
    }

    @Test func undeclaredRussianTxtNormalizesToARussianArticle() throws {
        let bytes = try Self.windows1251(Self.page(Self.russianTitle, Self.russian))
        let a = try Normalizer().normalize(bytes, sourcePath: "inbox/novosibirsk.txt").first!.get()
        #expect(a.title == Self.russianTitle)
        #expect(a.paragraphs == Self.russian)
        #expect(a.language == "ru")
    }

    @Test func undeclaredUkrainianKOI8MarkdownNormalizesToAUkrainianArticle() throws {
        let paragraphs = Self.ukrainian.map(Self.asciiPunctuation)
        let bytes = try Self.koi8("# " + Self.page(Self.ukrainianTitle, paragraphs), ukrainian: true)
        let a = try Normalizer().normalize(bytes, sourcePath: "inbox/kyiv.md").first!.get()
        #expect(a.title == Self.ukrainianTitle)
        #expect(a.paragraphs == paragraphs)
        #expect(a.language == "uk")
    }

    // MARK: HTML pages

    static let russianPage = """
    <!DOCTYPE html>
    <html lang="ru"><head>
    <meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
    <title>\(russianTitle) | Сибирский курьер</title>
    <meta property="og:site_name" content="Сибирский курьер">
    </head><body>
    <header><nav><ul><li><a href="/">Главная</a></li><li><a href="/city">Город</a></li><li><a href="/sport">Спорт</a></li></ul></nav></header>
    <main><article>
    <h1>\(russianTitle)</h1>
    <p>\(russian[0])</p>
    <p>\(russian[1])</p>
    <p>\(russian[2])</p>
    </article></main>
    <footer><p>© 2024 Сибирский курьер</p></footer>
    </body></html>
    """

    @Test func aWindows1251RussianPageNormalizesWithItsTitleAndBody() throws {
        let bytes = try Self.windows1251(Self.russianPage)
        let a = try Normalizer().normalize(bytes, sourcePath: "inbox/obi.html").first!.get()
        #expect(a.title == Self.russianTitle)
        #expect(a.paragraphs == Self.russian)
        #expect(a.language == "ru")
        #expect(a.publisher == "Сибирский курьер")
    }

    @Test func aByteOrderMarkBeatsTheDeclaredCharset() throws {
        // The page says windows-1251 but was saved as UTF-8 with a BOM: the BOM is right.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.russianPage.utf8)
        let a = try Normalizer().normalize(bytes, sourcePath: "inbox/obi.html").first!.get()
        #expect(a.title == Self.russianTitle)
        #expect(a.paragraphs == Self.russian)
    }

    @Test func anHTMLPageWithoutADeclarationGetsTheCyrillicGuess() throws {
        let page = Self.asciiPunctuation(Self.russianPage)
            .replacingOccurrences(of: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", with: "")
            .replacingOccurrences(of: "©", with: "(c)")
        let a = try Normalizer().normalize(try Self.koi8(page), sourcePath: "inbox/obi.htm").first!.get()
        #expect(a.title == Self.russianTitle)
        #expect(a.paragraphs == Self.russian.map(Self.asciiPunctuation))
    }
}
