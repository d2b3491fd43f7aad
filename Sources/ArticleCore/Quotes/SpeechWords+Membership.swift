/// Which of the attribution vocabularies a token belongs to, found with one dictionary lookup per token
/// instead of one Set lookup per rule: the person index asks several of them of every word of the body,
/// and hashing each word again for each was most of its cost.
extension SpeechWords {
    struct Membership: OptionSet, Sendable {
        let rawValue: UInt16

        // Looked up by the lowercased word.
        static let verb = Membership(rawValue: 1 << 0)
        static let nameParticle = Membership(rawValue: 1 << 1)
        static let notPerson = Membership(rawValue: 1 << 2)
        /// "who", "a", "the", "said", …: what may follow a name set off by a comma.
        static let appositionOpener = Membership(rawValue: 1 << 3)
        /// "the" or one of `PersonIndex.affiliationWords`.
        static let affiliationOpener = Membership(rawValue: 1 << 4)
        static let byLower: Membership = [.verb, .nameParticle, .notPerson, .appositionOpener, .affiliationOpener]

        // Looked up by the lowercased word without leading and trailing full stops.
        static let personTitle = Membership(rawValue: 1 << 8)
        static let title = Membership(rawValue: 1 << 9)
        static let institution = Membership(rawValue: 1 << 10)
        static let roleNoun = Membership(rawValue: 1 << 11)
        static let byBare: Membership = [.personTitle, .title, .institution, .roleNoun]
    }

    static let appositionOpeners: [String] = ["who", "a", "an", "the", "said", "says", "told"]

    /// Every vocabulary word with the sets it is in; a word's entry holds both its lowercase and bare sets.
    static let memberships: [String: Membership] = {
        var table: [String: Membership] = [:]
        func add(_ words: some Sequence<String>, _ m: Membership) {
            for w in words { table[w, default: []].insert(m) }
        }
        add(verbs, .verb)
        add(nameParticles, .nameParticle)
        add(PersonIndex.notPeople, .notPerson)
        add(appositionOpeners, .appositionOpener)
        add(PersonIndex.affiliationWords.union(["the"]), .affiliationOpener)
        add(personTitles, .personTitle)
        add(titles, .title)
        add(institutions, .institution)
        add(roleNouns, .roleNoun)
        return table
    }()

    /// The sets `lower` (a lowercased word) is in, by itself and without its full stops.
    static func membership(lower: String) -> Membership {
        var word = lower
        if let m = word.withUTF8({ asciiMemberships.membership(ofASCII: $0) }) { return m }
        let own = memberships[lower] ?? []
        let bare = lower.trimmingPeriods
        // Trimming only removes bytes: the same length is the same word.
        let bareSets = bare.utf8.count == lower.utf8.count ? own : memberships[bare] ?? []
        return own.intersection(.byLower).union(bareSets.intersection(.byBare))
    }

    static let asciiMemberships = ASCIITable(memberships)

    /// `memberships` for ASCII words, keyed by their bytes: an ASCII string equals only the string of the
    /// same bytes, so a byte key finds exactly what the String dictionary finds, without hashing a String.
    struct ASCIITable: Sendable {
        private static let slots = 2048
        private var first: [UInt64]
        private var second: [UInt64]
        private var lengths: [UInt8]
        private var sets: [UInt16]

        init(_ table: [String: Membership]) {
            first = [UInt64](repeating: 0, count: Self.slots)
            second = [UInt64](repeating: 0, count: Self.slots)
            lengths = [UInt8](repeating: 0, count: Self.slots)
            sets = [UInt16](repeating: 0, count: Self.slots)
            for (word, m) in table {
                let bytes = Array(word.utf8)
                guard !bytes.isEmpty, bytes.count <= 16, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
                let (a, b) = bytes.withUnsafeBufferPointer { Self.key($0, 0..<$0.count) }
                var slot = Self.slot(a, b, bytes.count)
                while lengths[slot] != 0 { slot = (slot + 1) & (Self.slots - 1) }
                first[slot] = a
                second[slot] = b
                lengths[slot] = UInt8(bytes.count)
                sets[slot] = m.rawValue
            }
        }

        @inline(__always)
        private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
            var a: UInt64 = 0, b: UInt64 = 0
            for (n, k) in range.enumerated() {
                if n < 8 { a |= UInt64(bytes[k]) << (8 * UInt64(n)) } else { b |= UInt64(bytes[k]) << (8 * UInt64(n - 8)) }
            }
            return (a, b)
        }

        @inline(__always)
        private static func slot(_ a: UInt64, _ b: UInt64, _ length: Int) -> Int {
            let h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
            return Int(truncatingIfNeeded: (h ^ (h >> 29)) & UInt64(slots - 1))
        }

        private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Membership {
            guard !range.isEmpty else { return [] }
            let (a, b) = Self.key(bytes, range)
            var slot = Self.slot(a, b, range.count)
            while lengths[slot] != 0 {
                if Int(lengths[slot]) == range.count && first[slot] == a && second[slot] == b {
                    return Membership(rawValue: sets[slot])
                }
                slot = (slot + 1) & (Self.slots - 1)
            }
            return []
        }

        /// `membership(lower:)` of an ASCII word of at most 16 bytes (no vocabulary word is longer); nil
        /// for any other word, which takes the String dictionary.
        func membership(ofASCII word: UnsafeBufferPointer<UInt8>) -> Membership? {
            guard word.count <= 16 else { return nil }
            for byte in word where byte >= 0x80 { return nil }
            var lo = 0, hi = word.count
            while lo < hi && word[lo] == 0x2E { lo += 1 }
            while hi > lo && word[hi - 1] == 0x2E { hi -= 1 }
            let own = find(word, 0..<word.count)
            let bare = lo == 0 && hi == word.count ? own : find(word, lo..<hi)
            return own.intersection(.byLower).union(bare.intersection(.byBare))
        }
    }
}
