import Testing
@testable import ArticleCore

@Suite struct SeedArticleTests {
    func seed(_ name: String) throws -> Article {
        let results = Normalizer().normalize(try TestInput.seedBytes(name), sourcePath: "inbox/\(name)", publisherHint: nil)
        #expect(results.count == 1)
        return try results[0].get()
    }

    @Test func timesOfIsraelSeedMatchesEveryExpectedField() throws {
        let a = try seed("000_089d7966a894fe03.txt")
        #expect(a.format == .text)
        #expect(a.sourcePath == "inbox/000_089d7966a894fe03.txt")
        #expect(a.title == "Israel sends 2,000 helmets, 500 flak jackets to Ukraine rescue organizations")
        #expect(a.kicker == nil)
        #expect(a.dek == nil)
        #expect(a.paragraphs.count == 13)
        #expect(a.paragraphs.first?.hasPrefix("In a further sign of its shifting stance") == true)
        #expect(a.paragraphs.last?.hasSuffix("according to Defense Ministry figures released last month.") == true)
        #expect(a.captions.count == 2)
        #expect(a.captions[0].text == "A resident carries a shovel to clear the rubble from his house damaged during a shelling in Kharkiv, Ukraine, May 16, 2022.")
        #expect(a.captions[0].credit == "AP Photo/Bernat Armangue")
        #expect(a.captions[1].text.hasPrefix("Ukrainian soldiers stand on their armored personnel carrier (APC)"))
        #expect(a.captions[1].text.hasSuffix("during the Russian invasion of Ukraine."))
        #expect(a.captions[1].credit == "Anatolii Stepanov/AFP")
        for caption in a.captions {
            #expect(!a.paragraphs.contains { $0.contains(caption.text.prefix(40)) })
        }
        #expect(a.publisher == "The Times of Israel")
        #expect(!a.paragraphs.contains { $0.contains("dedicated reader") || $0.contains("Community") || $0.contains("Horovitz") })
        #expect(a.removed.first == "You\u{2019}re a dedicated reader")
        #expect(a.removed.contains("Join Our Community"))
        #expect(a.removed.last == "Already a member? Sign in to stop seeing this")
        #expect(a.quotes.count == 2)
        #expect(a.quotes[0].text.hasPrefix("Everybody knows that your missile defense systems are the best"))
        #expect(a.quotes[1].text.hasPrefix("You can definitely help our people"))
        #expect(a.quotes.allSatisfy { $0.speaker == "Zelensky" })
        #expect(a.publishedAt == "2022-05-16")
        #expect(a.publishedAtSource == .caption)
        #expect(a.language == "en")
        #expect(a.authors.isEmpty)
        #expect(a.dateline == nil)
        #expect(a.wordCount == ContentHasher.wordCount(a.paragraphs))
        #expect(a.contentHash == ContentHasher.contentHash(a.paragraphs))
        #expect(a.simhashHex.count == 16)
    }

    @Test func jnsSeedMatchesEveryExpectedField() throws {
        let a = try seed("004_e114b85fb85142ed.txt")
        #expect(a.kicker == "update desk")
        #expect(a.title == "Blinken stresses to Israel importance of meeting Ukraine\u{2019}s security needs")
        #expect(a.dek == "The U.S. secretary of state implies that Washington expects Jerusalem to provide Kyiv with military equipment.")
        #expect(a.captions == [Caption(
            text: "U.S. Secretary of State Antony Blinken gives a press conference in Jerusalem on Jan. 31, 2023.",
            credit: "Alex Traiman")])
        #expect(a.paragraphs.count == 12)
        #expect(a.paragraphs.first?.hasPrefix("Washington has been cautious") == true)
        #expect(a.paragraphs.last?.hasSuffix("Hezbollah there and in Lebanon.") == true)
        #expect(!a.paragraphs.contains { $0.contains("Photo by") })
        #expect(a.publisher == "JNS")
        #expect(a.removed.first == "You have read 3 articles this month.")
        #expect(a.removed.last == "Get the best stories faster with JNS breaking news updates")
        #expect(!a.paragraphs.contains { $0.contains("articles this month") || $0.contains("Israel is at war.") })
        let iran = a.quotes.first { $0.text.hasPrefix("Iran\u{2019}s deepening ties") }
        #expect(iran?.speaker == "Blinken")
        #expect(a.quotes.first { $0.text.hasPrefix("With stockpiles") }?.speaker == "the Times")
        #expect(!a.quotes.contains { $0.text.hasPrefix("Russia\u{2019}s ongoing atrocities") })
        #expect(a.publishedAt == "2023-01-31")
        #expect(a.publishedAtSource == .caption)
        #expect(a.language == "en")
    }

    @Test func seedsAreStableAcrossRuns() throws {
        let a = try seed("004_e114b85fb85142ed.txt")
        let b = try seed("004_e114b85fb85142ed.txt")
        #expect(a == b)
        #expect(ArticleJSON.encode(a) == ArticleJSON.encode(b))
    }
}
