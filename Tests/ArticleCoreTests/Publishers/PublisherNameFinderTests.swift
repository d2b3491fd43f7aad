import Testing
@testable import ArticleCore

@Suite struct PublisherNameFinderTests {
    @Test(arguments: [
        ("\u{00A9} 2024 Northern Ledger Media Group Limited or its affiliated companies. All rights reserved.", "Northern Ledger"),
        ("\u{00A9} 2024 Millbrook Gazette Media LLC. All rights reserved. Use of this site constitutes acceptance.", "Millbrook Gazette"),
        ("\u{00A9} 2024 Circuitry Media, Inc. All Rights Reserved", "Circuitry"),
        ("\u{00A9} 2024 Global Desk Media. All rights reserved.", "Global Desk Media"),
        ("\u{00A9} Ediciones El Diario Central S.L. Todos los derechos reservados.", "El Diario Central"),
        ("Le Quotidien du Sud \u{2013} Tous droits r\u{E9}serv\u{E9}s. Mentions l\u{E9}gales", "Le Quotidien du Sud"),
        ("\u{00A9} Westfunk 2024", "Westfunk"),
    ])
    func namesTheOutletOfACopyrightLine(line: String, name: String) {
        #expect(PublisherNameFinder.fromCopyright(line) == name)
    }

    @Test func namesTheOutletOfAMembershipAppealOrADomain() {
        #expect(PublisherNameFinder.fromCommunity("help support our work by joining The Coastal Times Community.") == "The Coastal Times")
        #expect(PublisherNameFinder.fromDomain("Every contribution, big or small, helps RNS.org remain a trusted source.") == "RNS")
    }

    @Test func infersAnUnknownPublisherFromTheFooter() throws {
        let text = TestInput.story() + "\n\nPrivacy Policy\n\n\u{00A9} 2024 Millbrook Gazette Media LLC. All rights reserved."
        let a = try TestInput.article(text)
        #expect(a.publisher == "Millbrook Gazette")
        #expect(a.paragraphs.count == 4)
    }
}
