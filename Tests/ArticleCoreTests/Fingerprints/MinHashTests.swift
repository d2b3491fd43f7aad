import Testing
@testable import ArticleCore

@Suite struct MinHashTests {
    static let prose = [
        "The harbor authority approved a plan on Tuesday to dredge the northern channel, allowing larger cargo ships to dock at the grain terminal for the first time.",
        "Work is expected to begin in the autumn and last about eighteen months, during which pilots will guide ships through a narrower passage at reduced speed.",
        "Fishermen's groups said they feared the dredging would stir up old industrial sediment and harm the mussel beds that line the channel's edges.",
    ]

    @Test func tokensAreLowercasedWordsWithPunctuationDropped() {
        #expect(MinHash.tokens("\u{201C}It\u{2019}s OVER \u{2014} now,\u{201D} she said.") == ["it", "s", "over", "now", "she", "said"])
        #expect(MinHash.tokens("U.S. 1,200 Zürich café") == ["u", "s", "1", "200", "zürich", "café"])
        #expect(MinHash.tokens("  ...  ").isEmpty)
    }

    @Test func punctuationCaseAndLineWrappingDoNotChangeTheSignature() {
        let plain = MinHash.signature(Self.prose)
        let rewrapped = MinHash.signature([
            Self.prose.joined(separator: " ").uppercased()
                .replacingAll(", ", " -- ").replacingAll(". ", ".\n").replacingAll("'", "\u{2019}"),
        ])
        #expect(plain == rewrapped)
    }

    @Test func signatureHasOneHashPerBandAndDistinctSortedShingles() {
        let signature = MinHash.signature(Self.prose)
        let words = Self.prose.flatMap { MinHash.tokens($0) }.count
        #expect(signature.bands.count == MinHash.bands)
        #expect(signature.shingles.count == words - MinHash.shingleWidth + 1)
        #expect(signature.shingles == signature.shingles.sorted())
        #expect(Set(signature.shingles).count == signature.shingles.count)
    }

    @Test func shortAndEmptyBodies() {
        #expect(MinHash.signature(["Three short words"]).shingles.count == 1)
        #expect(MinHash.signature(["Three short words"]).bands.count == MinHash.bands)
        let empty = MinHash.signature(["", " — "])
        #expect(empty.shingles.isEmpty && empty.bands.isEmpty)
    }

    @Test func wordHashesAreTheHashesOfTheTokensInEveryScript() {
        let texts = [
            Self.prose.joined(separator: " "),
            "\u{201C}It\u{2019}s OVER \u{2014} now,\u{201D} she said. U.S. 1,200 Zürich café ÉCOLE Ærø",
            "Президент ЗАЯВИЛ, что «переговоры» продолжатся; Київ і Львів — ЄС",
            "Cafe\u{0301} nai\u{0308}ve \u{0301}lonely-mark 東京都 ١٢٣ عربي שָׁלוֹם İstanbul ǅemal ß STRASSE",
            "emoji 👍🏽 between words, tabs\tand\nnewlines, x²+y³, ½ and Ⅻ",
            "", "   ", "a",
        ]
        for text in texts {
            let reference = MinHash.tokens(text).map { StableHash.fnv1a($0.utf8) }
            #expect(MinHash.wordHashes([text]) == reference, "\(text)")
        }
        #expect(MinHash.wordHashes(texts) == texts.flatMap { MinHash.tokens($0) }.map { StableHash.fnv1a($0.utf8) })
    }

    /// Pinned: these values are stored in databases; a change here silently breaks matching against old rows.
    @Test func valuesAreStableAcrossProcessesAndReleases() {
        let signature = MinHash.signature(["The quick brown fox jumps over the lazy dog."])
        #expect(signature.shingles.count == 5)
        #expect(signature.shingles.first == MinHashTests.pinnedFirstShingle)
        #expect(signature.bands.first == MinHashTests.pinnedFirstBand)
    }
    /// Every band, not only the first: the bands fold every one of the signature's minimum values.
    @Test func everyBandIsStableAcrossProcessesAndReleases() {
        let bands = MinHash.signature(["The quick brown fox jumps over the lazy dog.", Self.prose.joined(separator: " ")]).bands
        #expect(bands.count == MinHash.bands)
        #expect(bands.reduce(StableHash.offsetBasis) { ($0 ^ UInt64(bitPattern: $1)) &* StableHash.prime } == MinHashTests.pinnedBandFold)
    }
    static let pinnedBandFold: UInt64 = 610979655585602664
    static let pinnedFirstShingle: Int32 = -1907307612
    static let pinnedFirstBand: Int64 = -7683341736434723186

    @Test func identicalBodiesShareEveryBandAndUnrelatedOnesNone() {
        let a = MinHash.signature(Self.prose)
        #expect(a.sharesBand(with: MinHash.signature(Self.prose)))
        #expect(a.jaccard(with: a) == 1 && a.containment(with: a) == 1)
        let other = MinHash.signature([
            "A magnitude 5.8 earthquake struck the valley shortly after 3 a.m. on Sunday, shaking residents out of bed.",
            "Army engineers were sent to clear the road, which is the only route for deliveries to the villages above.",
        ])
        #expect(!a.sharesBand(with: other))
        #expect(a.jaccard(with: other) == 0)
    }

    @Test func minHashAgreementEstimatesJaccard() {
        let a = Self.prose
        var b = Self.prose
        b[1] = "Work should start next spring and take two years, the authority said, with ships slowed in the meantime."
        let ha = MinHash.shingleHashes(a), hb = MinHash.shingleHashes(b)
        let exact = Double(Set(ha).intersection(hb).count) / Double(Set(ha).union(hb).count)
        let ma = MinHash.minHashes(ha, count: 512), mb = MinHash.minHashes(hb, count: 512)
        let estimate = Double(zip(ma, mb).filter { $0 == $1 }.count) / 512
        #expect(abs(estimate - exact) < 0.08, "estimate \(estimate) vs exact \(exact)")
        let sa = MinHash.signature(a), sb = MinHash.signature(b)
        #expect(abs(sa.jaccard(with: sb) - exact) < 0.02)
        #expect(sa.containment(with: sb) >= sa.jaccard(with: sb))
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
