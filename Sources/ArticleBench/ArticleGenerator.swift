import Foundation

/// Makes article files of seed-like size and layout whose bodies all differ.
///
/// Each file is one of the seed pages with a generated headline and a body of generated sentences
/// (names, places, figures, a unique reference), about 4 KB in all. The seed's kicker, dek, captions
/// and boilerplate tail stay, so the normalizer does the same work as on a real copied page.
/// Deterministic: file `i` is always the same bytes.
///
/// No seed body paragraph is kept: a paragraph shared by half the corpus gives every pair of files
/// about 5–15% common shingles, so each new article shares LSH bands with a share of all earlier ones
/// (80 candidates per lookup at 1,500 articles, growing with the table). Unrelated stories in a real
/// feed share almost no word 5-shingles; that feed is what the drain should measure.
struct ArticleGenerator: Sendable {
    /// One seed page cut into paragraphs, with what may be changed.
    struct Template: Sendable {
        var paragraphs: [String]
        var titleIndex: Int
        /// The seed's first body paragraph: the header is what comes before it; generated paragraphs replace it
        /// and everything up to `tailStart` but the captions.
        var firstBody: Int
        /// First paragraph of the boilerplate tail (paywall, donation ask), or `paragraphs.count`.
        var tailStart: Int
    }

    let templates: [Template]
    let seed: UInt64
    static let targetBytes = 3_800...4_300

    init(seedTexts: [String], seed: UInt64 = 0xA271_C1ED) throws {
        templates = try seedTexts.map(Self.template)
        self.seed = seed
        guard !templates.isEmpty else { throw BenchError("no seed articles to derive the corpus from") }
    }

    static func template(_ text: String) throws -> Template {
        let clean = text.replacingCRLF()
        let paragraphs = clean.components(separatedBy: "\n\n")
            .map { $0.trimmingTrailingNewlines() }
            .filter { !$0.isEmpty }
        guard let title = paragraphs.firstIndex(where: { $0.split(separator: " ").count > 3 && !$0.contains("\n") }) else {
            throw BenchError("a seed article has no headline-like first paragraph")
        }
        let tailMarkers = ["You’re a dedicated reader", "You're a dedicated reader", "You have read", "Just before you scroll"]
        let tail = paragraphs.firstIndex { p in tailMarkers.contains { p.hasPrefix($0) } } ?? paragraphs.count
        guard let firstBody = paragraphs.indices.first(where: { $0 > title && $0 < tail && paragraphs[$0].count > 150 && !isCaption(paragraphs[$0]) }) else {
            throw BenchError("a seed article has no body paragraph")
        }
        return Template(paragraphs: paragraphs, titleIndex: title, firstBody: firstBody, tailStart: tail)
    }

    /// The bytes of file number `index` (UTF-8 text, paragraphs separated by blank lines).
    ///
    /// The body is generated sentences (so bodies are neither equal nor near duplicates of each other:
    /// the daemon's near-duplicate check sees unrelated stories, as in a normal feed); header, captions
    /// and the boilerplate tail are the seed's.
    func article(_ index: Int) -> [UInt8] {
        var rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0x2545_F491_4F6C_DD1D))
        let template = templates[index % templates.count]
        var head = Array(template.paragraphs[..<template.firstBody])
        head[template.titleIndex] = headline(&rng)
        let captions = template.paragraphs[template.firstBody..<template.tailStart].filter { Self.isCaption($0) }
        let tail = template.paragraphs[template.tailStart...]
        var body = [paragraph(&rng)]
        body.insert(uniqueParagraph(index, &rng), at: Int.random(in: 0...body.count, using: &rng))

        let fixed = (head + captions + tail).reduce(0) { $0 + $1.utf8.count + 2 }
        let target = Int.random(in: Self.targetBytes, using: &rng)
        var size = fixed + body.reduce(0) { $0 + $1.utf8.count + 2 }
        while size < target {
            let text = paragraph(&rng)
            body.insert(text, at: Int.random(in: 1...body.count, using: &rng))
            size += text.utf8.count + 2
        }
        // Captions sit between body paragraphs, as on the page.
        for caption in captions {
            body.insert(caption, at: Int.random(in: 1...body.count, using: &rng))
        }
        return Array(((head + body + tail).joined(separator: "\n\n") + "\n").utf8)
    }

    static func isCaption(_ p: String) -> Bool {
        p.contains("Photo") || p.contains("AFP)") || p.contains("(AP") || p.contains("Getty")
    }

    private func headline(_ rng: inout SplitMix64) -> String {
        let city = Self.cities.randomElement(using: &rng)!
        let verb = Self.headlineVerbs.randomElement(using: &rng)!
        let noun = Self.nouns.randomElement(using: &rng)!
        let org = Self.organizations.randomElement(using: &rng)!
        let n = Int.random(in: 120...9_800, using: &rng)
        return "\(city) \(verb) \(Self.grouped(n)) \(noun) from \(org)"
    }

    private func uniqueParagraph(_ index: Int, _ rng: inout SplitMix64) -> String {
        let person = name(&rng)
        let org = Self.organizations.randomElement(using: &rng)!
        let city = Self.cities.randomElement(using: &rng)!
        let noun = Self.nouns.randomElement(using: &rng)!
        let n = Int.random(in: 40...60_000, using: &rng)
        let day = Self.weekdays.randomElement(using: &rng)!
        return "\(person), who oversees logistics for the \(org), said on \(day) that consignment "
            + "\(Self.reference(index)) carried \(Self.grouped(n)) \(noun) to \(city) and that the next one would follow "
            + "within \(Int.random(in: 2...19, using: &rng)) days."
    }

    /// Two to four generated sentences: slots every few words, so word 5-shingles rarely repeat across files.
    private func paragraph(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 2...4, using: &rng)).map { _ in sentence(&rng) }.joined(separator: " ")
    }

    private func sentence(_ rng: inout SplitMix64) -> String {
        func pick(_ list: [String]) -> String { list.randomElement(using: &rng)! }
        let number = Self.grouped(Int.random(in: 12...98_000, using: &rng))
        let subject: String
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: subject = name(&rng)
        case 1: subject = "The " + pick(Self.organizations)
        case 2: subject = "Officials in " + pick(Self.cities)
        default: subject = "\(name(&rng)), \(pick(Self.roles)) at the \(pick(Self.organizations)),"
        }
        let verb = pick(Self.sayings) + (Bool.random(using: &rng) ? " on " + pick(Self.weekdays) : "")
        let clause: String
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: clause = "\(number) \(pick(Self.nouns)) \(pick(Self.movements)) \(pick(Self.cities))"
        case 1: clause = "the \(pick(Self.adjectives)) \(pick(Self.places)) in \(pick(Self.cities)) needed \(number) more \(pick(Self.nouns))"
        case 2: clause = "\(pick(Self.organizations)) \(pick(Self.plans)) \(number) \(pick(Self.nouns)) before \(pick(Self.months)) \(Int.random(in: 1...28, using: &rng))"
        case 3: clause = "\(number) \(pick(Self.groups)) in \(pick(Self.cities)) had \(pick(Self.experiences)) since \(pick(Self.months))"
        default: clause = "\(pick(Self.adjectives)) \(pick(Self.places)) near \(pick(Self.cities)) \(pick(Self.movements)) \(number) \(pick(Self.nouns))"
        }
        let ending: String
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: ending = ""
        case 1: ending = ", \(pick(Self.sources))"
        case 2: ending = " \(pick(Self.reasons)) \(pick(Self.concerns))"
        default: ending = ", up from \(Self.grouped(Int.random(in: 10...90_000, using: &rng))) in \(pick(Self.months))"
        }
        if Int.random(in: 0..<6, using: &rng) == 0 {
            return "“\(clause.prefix(1).uppercased() + clause.dropFirst())\(ending),” \(name(&rng)) \(pick(Self.sayings))."
        }
        return "\(subject) \(verb) that \(clause)\(ending)."
    }

    private func name(_ rng: inout SplitMix64) -> String {
        "\(Self.firstNames.randomElement(using: &rng)!) \(Self.lastNames.randomElement(using: &rng)!)"
    }

    /// A reference no other file has: base-36 digits of the index with a check letter.
    static func reference(_ index: Int) -> String {
        let digits = String(index, radix: 36).uppercased()
        let check = Character(UnicodeScalar(UInt8(65 + index % 26)))
        return "KX-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)\(check)"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    static let firstNames = ["Olena", "Dmytro", "Yael", "Avi", "Maria", "Tomasz", "Ines", "Jonas", "Leila", "Marco",
                             "Hanna", "Pavlo", "Noa", "Eitan", "Sofia", "Lukas", "Amira", "Ruth", "Oren", "Katarzyna",
                             "Piotr", "Greta", "Yusuf", "Clara", "Viktor", "Miriam", "Andriy", "Tamar", "Felix", "Nadia"]
    static let lastNames = ["Kovalenko", "Shapiro", "Nowak", "Ferreira", "Lindqvist", "Haddad", "Bondarenko", "Mizrahi",
                            "Schneider", "Rossi", "Melnyk", "Katz", "Wisniewski", "Duarte", "Berg", "Levi", "Tkachenko",
                            "Moreau", "Novak", "Peretz", "Horvat", "Sokolova", "Baumann", "Cohen", "Petrenko", "Ortega"]
    static let cities = ["Kharkiv", "Lviv", "Odesa", "Dnipro", "Zaporizhzhia", "Haifa", "Beersheba", "Ashdod", "Rzeszow",
                         "Chisinau", "Kraków", "Vilnius", "Poltava", "Mykolaiv", "Sumy", "Chernihiv", "Netanya", "Eilat",
                         "Tallinn", "Riga", "Bratislava", "Iasi", "Uzhhorod", "Vinnytsia", "Kherson", "Tiberias"]
    static let roles = ["a logistics officer", "a deputy mayor", "an engineer", "a volunteer", "a spokesperson",
                        "an analyst", "a senior adviser", "a field coordinator", "a nurse", "a procurement manager",
                        "a regional director", "a researcher", "a union organizer", "a shelter manager"]
    static let sayings = ["said", "told reporters", "confirmed", "warned", "estimated", "wrote in a statement", "argued",
                          "noted", "acknowledged", "insisted", "added", "explained", "reported", "cautioned", "predicted"]
    static let movements = ["had reached", "were held back at", "were shipped to", "left the depot for", "arrived in",
                            "were stolen near", "were repaired in", "were counted at", "were requested by", "stayed in"]
    static let adjectives = ["northern", "smaller", "overcrowded", "rebuilt", "temporary", "municipal", "rural", "largest",
                             "coastal", "damaged", "newest", "underfunded", "busiest", "quiet", "eastern", "private"]
    static let places = ["hospital", "school", "rail yard", "clinic", "warehouse", "shelter", "power station", "market",
                         "bakery", "water plant", "library", "bus depot", "orphanage", "stadium", "fire station"]
    static let plans = ["plans to deliver", "promised", "has budgeted for", "will auction", "hopes to buy", "expects to ship",
                        "refused to release", "agreed to lend", "quietly ordered", "is still missing"]
    static let groups = ["families", "pensioners", "students", "volunteers", "farmers", "drivers", "doctors", "teachers",
                         "refugees", "miners", "veterans", "children"]
    static let experiences = ["registered for aid", "lost their homes", "returned", "found work", "asked for transport",
                              "signed the petition", "moved west", "received vouchers", "been evacuated", "joined the program"]
    static let sources = ["according to the regional council", "citing figures from the ministry", "a report by auditors showed",
                          "the latest survey found", "local broadcasters reported", "records seen by reporters show",
                          "according to two people briefed on the talks", "the agency's own estimate suggests"]
    static let reasons = ["because of", "despite", "amid", "in spite of", "after weeks of", "ahead of"]
    static let concerns = ["fuel shortages", "power cuts", "heavy rain", "budget cuts", "a strike by drivers", "road closures",
                           "new border checks", "repeated shelling", "a cyberattack", "rising prices", "a court ruling",
                           "the early frost", "staff shortages", "a customs dispute"]
    static let headlineVerbs = ["receives", "awaits", "distributes", "requests", "stores", "inspects", "returns", "tallies"]
    static let nouns = ["generators", "helmets", "water filters", "field stoves", "medical kits", "blankets",
                        "solar lamps", "stretchers", "radios", "tents", "fuel canisters", "winter coats"]
    static let organizations = ["Civil Defense Directorate", "Regional Relief Council", "Northern Aid Consortium",
                                "Red Star Volunteers", "Municipal Logistics Office", "Border Supply Authority",
                                "Coastal Rescue Federation", "Mountain Clinics Network", "Interfaith Food Bank",
                                "Harbor Workers Union", "National Emergency Service", "Rail Freight Cooperative"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
}

private extension String {
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars where scalar != "\r" { out.unicodeScalars.append(scalar) }
        return out
    }

    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.first == "\n" { s = s.dropFirst() }
        while s.last == "\n" || s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
