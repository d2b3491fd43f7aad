import Foundation
import TextKit

/// The people an article names, found where the prose marks them as people ("Prime Minister Naftali
/// Bennett", "president, Volodymyr Zelensky", "Blinken said"), and where each is mentioned, so that
/// "he told the Knesset" can be resolved to the most recently named person.
struct PersonIndex {
    struct Mention {
        var paragraph: Int
        var offset: Int
        var name: String
    }

    /// Surname -> full name as first introduced.
    private(set) var people: [String: [String]] = [:]
    private(set) var mentions: [Mention] = []

    /// Capitalised subjects of "said" that are places and institutions, not people.
    static let notPeople: Set<String> = [
        "israel", "russia", "ukraine", "kyiv", "kiev", "moscow", "jerusalem", "washington", "iran", "tehran",
        "america", "china", "beijing", "germany", "berlin", "france", "paris", "britain", "london", "europe", "eu",
        "nato", "un", "hamas", "hezbollah", "pentagon", "kremlin", "idf", "police", "officials", "ministry",
        "government", "reuters", "ap", "afp", "gaza", "syria", "lebanon", "turkey", "egypt", "u.s", "us", "uk",
        "the", "a", "an", "this", "that", "but", "and", "in", "on", "at", "it", "they", "we", "he", "she", "i",
        "however", "meanwhile", "earlier", "later", "today", "yesterday", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "according", "while", "when", "after", "before",
        "white", "house", "state", "department", "council", "court", "army", "military", "office", "agency",
    ]

    init(paragraphs: [[Unicode.Scalar]], explicitSpeakers: [String] = []) {
        let tokenized = paragraphs.map { WordToken.tokens($0, 0..<$0.count) }
        for name in explicitSpeakers { add(name.split(separator: " ").map(String.init)) }
        for tokens in tokenized { discover(tokens) }
        // Most tokens cannot name anyone known: skip them by their first byte before hashing the word.
        var firstBytes = [Bool](repeating: false, count: 256)
        for key in people.keys { if let b = key.utf8.first { firstBytes[Int(b)] = true } }
        for (p, tokens) in tokenized.enumerated() {
            for (k, t) in tokens.enumerated() {
                guard let b = t.core.utf8.first, firstBytes[Int(b)] else { continue }
                let key = t.isPossessive ? String(t.core.dropLast(2)) : t.core
                guard let full = people[key] else { continue }
                var name = key
                if full.count > 1, k > 0, tokens[k - 1].core == full[full.count - 2] {
                    name = full.suffix(2).joined(separator: " ")
                }
                mentions.append(Mention(paragraph: p, offset: t.start, name: name))
            }
        }
    }

    /// The most recent person named before `offset` of `paragraph`, looking back at most `window` paragraphs.
    func lastMention(paragraph: Int, offset: Int, window: Int = 3) -> String? {
        var best: Mention?
        for m in mentions where m.paragraph <= paragraph && m.paragraph >= paragraph - window {
            if m.paragraph == paragraph && m.offset >= offset { continue }
            best = m
        }
        return best?.name
    }

    private mutating func add(_ tokens: [String]) {
        // Organisations are named like people ("Marine Association said"), but a pronoun never points at one.
        guard let last = tokens.last, !Self.notPeople.contains(last.lowercased()),
              !SpeechWords.institutions.contains(last.lowercased()) else { return }
        if people[last] == nil { people[last] = tokens }
    }

    private mutating func discover(_ tokens: [WordToken]) {
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            // Title + Name: "Prime Minister Naftali Bennett", "whose president, Volodymyr Zelensky".
            if t.isIn(.personTitle), k + 1 < tokens.count, !t.endsSentence {
                let run = Self.nameRunRange(tokens, from: k + 1)
                if !run.isEmpty {
                    add(tokens[run].map(\.core))
                    k += run.count + 1
                    continue
                }
            }
            // Name + speech verb: "Blinken said", "Blinken stated". A lone capitalised word opening a
            // sentence is too often a common noun ("Officials said") to count.
            if t.isCapitalized, !t.isIn(.title) {
                let run = Self.nameRunRange(tokens, from: k)
                let next = k + run.count
                let sentenceStart = k == 0 || tokens[k - 1].endsSentence
                if !run.isEmpty, next < tokens.count, !tokens[run.upperBound - 1].breakAfter,
                   tokens[next].isIn(.verb), run.count >= 2 || !sentenceStart {
                    add(tokens[run].map(\.core))
                }
                // Apposition: "Anne Holroyd, who …", "…, Richard Hale, said …", "Tom Aldridge, the director",
                // "Tom Bellisario, president of the … Association": a role after the comma makes the run a person.
                if run.count >= 2, run.count <= 3, tokens[run.upperBound - 1].breakAfter,
                   !tokens[run.upperBound - 1].endsSentence, next < tokens.count,
                   tokens[next].isIn(.appositionOpener) || Self.isRole(tokens[next]),
                   !Self.isAffiliation(tokens, from: k, run) {
                    add(tokens[run].map(\.core))
                }
                k += max(1, run.count)
                continue
            }
            k += 1
        }
    }

    /// Words after which a capitalised run is the object of someone's role, not a person: "president of
    /// the Marine Association", "head of planning at Millpond Lido", "a spokesperson for Harbour Trust".
    static let affiliationWords: Set<String> = ["of", "at", "for", "from"]

    /// Whether the run starting at token `start` names where someone works rather than someone: it ends
    /// in an institution noun, or "the" or a word of affiliation ("of", "at", "of the") comes right before
    /// it. People are not written "the Jane Doe"; the role set off after a name ends in such a run. A title
    /// at the run's head makes it a person's after all ("the office of Finance Minister Jane Doe").
    static func isAffiliation(_ tokens: [WordToken], from start: Int, _ run: [WordToken]) -> Bool {
        if SpeechWords.namesInstitution(run) { return true }
        guard start > 0, !tokens[start - 1].breakAfter, run.first?.start == tokens[start].start else { return false }
        let before = tokens[start - 1].lower
        return before == "the" || affiliationWords.contains(before)
    }

    /// `isAffiliation` of the run `tokens[run]`, read from the tokens' vocabulary memberships.
    static func isAffiliation(_ tokens: [WordToken], from start: Int, _ run: Range<Int>) -> Bool {
        if !run.isEmpty && tokens[run.upperBound - 1].isIn(.institution) { return true }
        guard start > 0, !tokens[start - 1].breakAfter, !run.isEmpty, tokens[run.lowerBound].start == tokens[start].start
        else { return false }
        return tokens[start - 1].isIn(.affiliationOpener)
    }

    /// A lowercase role noun that opens an apposition: "president", "head", "spokesperson".
    static func isRole(_ t: WordToken) -> Bool {
        !t.isCapitalized && t.isIn([.personTitle, .roleNoun])
    }

    /// Capitalised words from `start`, stopping after punctuation; titles at its head are skipped.
    static func nameRun(_ tokens: [WordToken], from start: Int) -> [WordToken] {
        Array(tokens[nameRunRange(tokens, from: start)])
    }

    /// `nameRun` as the range of `tokens` it spans (empty when there is none), without building an array.
    static func nameRunRange(_ tokens: [WordToken], from start: Int) -> Range<Int> {
        var end = start
        while end < tokens.count, end - start < 6 {
            let t = tokens[end]
            guard t.isCapitalized || (end > start && t.isIn(.nameParticle)) else { break }
            if t.isPossessive { return start..<start }
            end += 1
            if t.breakAfter { break }
        }
        var first = start
        while first < end, tokens[first].isIn(.title) { first += 1 }
        if first < end, tokens[end - 1].isIn(.notPerson) { return start..<start }
        return first..<end
    }
}
