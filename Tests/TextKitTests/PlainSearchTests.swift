import Foundation
import Testing
@testable import TextKit

/// `plainRange(of:)` must find exactly what Foundation's `range(of:)` finds, plain text or not.
@Suite struct PlainSearchTests {
    static let pieces = ["a", "b", "e", "é", "E", " ", ". ", "/", "-", "\u{2014}", " \u{2013} ", "\u{2019}", "ß", "ü",
                         "ab", "ba", "\u{301}", "\u{200D}", "\u{1F600}", "\u{915}\u{94D}", "\u{1100}", "ǘ", "\u{FFFD}"]

    static func random(_ state: inout UInt64, length: Int, plainOnly: Bool) -> String {
        var s = ""
        let drawn = plainOnly ? 15 : pieces.count
        for _ in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            s += pieces[Int(state >> 33) % drawn]
        }
        return s
    }

    @Test func findsWhatFoundationFinds() {
        var state: UInt64 = 42
        var found = 0
        for round in 0..<3_000 {
            let plain = round % 4 != 0
            let hay = Self.random(&state, length: 1 + round % 40, plainOnly: plain)
            let needle = round % 50 == 0 ? "" : Self.random(&state, length: 1 + round % 3, plainOnly: plain || round % 3 == 0)
            for backwards in [false, true] {
                let expected = hay.range(of: needle, options: backwards ? .backwards : [])
                let actual = hay.plainRange(of: needle, backwards: backwards)
                #expect(expected.map { hay.utf8.distance(from: hay.startIndex, to: $0.lowerBound) }
                        == actual.map { hay.utf8.distance(from: hay.startIndex, to: $0.lowerBound) }, "\(hay) / \(needle)")
                #expect(expected.map { hay[$0] } == actual.map { hay[$0] })
                if expected != nil { found += 1 }
            }
            let sub = hay.dropFirst(round % 3)
            #expect(sub.range(of: needle).map { sub[$0] } == sub.plainRange(of: needle).map { sub[$0] })
            #expect(hay.contains(needle) == hay.plainContains(needle))
        }
        #expect(found > 1_000)
    }
}
