@testable import ArticleCore
import Testing
import TextKit

/// The SimHash counts its votes eight bits at a time; it must set the bits a vote per bit sets.
@Suite struct SimHashVoteTests {
    /// The SimHash as it was written first: scalars, one hash per word, a +1/-1 vote per bit.
    static func reference(_ canonical: String) -> UInt64 {
        var words: [UInt64] = []
        var hash = StableHash.offsetBasis
        var inWord = false
        for scalar in canonical.unicodeScalars {
            if TextFold.isWordScalar(scalar) {
                for byte in UTF8.encode(scalar)! { hash = StableHash.mix(hash, byte) }
                inWord = true
            } else if inWord {
                words.append(hash)
                hash = StableHash.offsetBasis
                inWord = false
            }
        }
        if inWord { words.append(hash) }
        guard !words.isEmpty else { return 0 }
        var votes = [Int](repeating: 0, count: 64)
        func vote(_ h: UInt64) {
            let x = StableHash.avalanche(h)
            for bit in 0..<64 { votes[bit] += (x >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        if words.count < 3 {
            words.forEach(vote)
        } else {
            for i in 0...(words.count - 3) {
                var h = StableHash.offsetBasis
                for j in 0..<3 {
                    h = (h ^ words[i + j]) &* StableHash.prime
                    h = StableHash.mix(h, 0x20)
                }
                vote(h)
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    @Test func agreesWithAVotePerBitOnShortLongAndNonASCIIBodies() throws {
        var bodies = ["", "one", "two words", "three words here", "l'été à paris, 2024 — très chaud", "привет мир снова",
                      "a\u{301}b c\u{1F600}d 12,5 e"]
        let sentence = "the council said on tuesday that the new bridge would open in spring. "
        bodies.append(String(repeating: sentence, count: 40))     // more than 255 shingles
        bodies.append(String(repeating: "same ", count: 600))      // every vote the same
        bodies += try TestInput.fixtureTexts().map { TextFold.fold($0) }
        for body in bodies {
            #expect(ContentHasher.simhash(canonical: body) == Self.reference(body), "\(body.prefix(40))")
        }
    }
}
