import TextKit

/// Direct quotations in body paragraphs and who said them.
///
/// A quotation is a quoted span of at least `minimumWords` words that stands as speech: it opens the
/// paragraph or a sentence, or follows a colon, comma or speech verb. Fragments woven into a sentence
/// ("called it “a dangerous escalation”") are not quotations of a speaker. The speaker comes from the
/// attribution after the quote ("…,” Blinken said / said Blinken / he told) or before it ("Blinken said:
/// “…”"); "he"/"she" resolve to the most recently named person; an unattributed quote in a paragraph
/// takes the speaker of the paragraph's attributed quote. "the Times reported" gives "the Times".
enum QuoteExtractor {
    static let minimumWords = 4

    enum Attribution: Equatable {
        case name(String)
        case pronoun
        /// Someone is credited, but not by name ("an official said").
        case unnamed
    }

    struct Span {
        var open: Int
        var close: Int
        /// Index after the closing mark (== close when unclosed).
        var after: Int
        var closed: Bool
    }

    static func quotes(in paragraphs: [String]) -> [Quote] {
        let scalars = paragraphs.map(Self.scalars)
        var found: [(paragraph: Int, offset: Int, text: String, attribution: Attribution?)] = []
        var explicit: [String] = []
        for (p, s) in scalars.enumerated() {
            var inParagraph: [(offset: Int, text: String, attribution: Attribution?)] = []
            let spans = spans(in: s)
            for (n, span) in spans.enumerated() where isDirect(s, span) {
                let text = quoteText(s, span)
                guard TextFold.wordCount(text) >= minimumWords else { continue }
                let previousEnd = n > 0 ? spans[n - 1].after : 0
                let nextOpen = n + 1 < spans.count ? spans[n + 1].open : s.count
                let attribution = after(s, span, limit: nextOpen) ?? before(s, span, from: previousEnd)
                if case .name(let who) = attribution { explicit.append(who) }
                inParagraph.append((span.open, text, attribution))
            }
            // Quotes in one paragraph without their own attribution are the attributed speaker's.
            let attributed = inParagraph.compactMap(\.attribution).first
            for q in inParagraph {
                found.append((p, q.offset, q.text, q.attribution ?? attributed))
            }
        }
        guard !found.isEmpty else { return [] }
        // The index is read only to resolve "he"/"she"; most articles attribute every quote by name, and
        // indexing every word of the body for nothing was a sixth of a normalization.
        let index = found.contains { $0.attribution == .pronoun }
            ? PersonIndex(paragraphs: scalars, explicitSpeakers: explicit) : nil
        return found.map { q in
            switch q.attribution {
            case .name(let who): return Quote(text: q.text, speaker: who)
            case .pronoun: return Quote(text: q.text, speaker: index?.lastMention(paragraph: q.paragraph, offset: q.offset))
            case .unnamed, nil: return Quote(text: q.text, speaker: nil)
            }
        }
    }

    /// The scalars of `text`, decoded from its UTF-8 in one pass (`Array(unicodeScalars)` counts them first).
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var out = [Unicode.Scalar]()
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count { out.append(TextFold.decodeScalar(bytes, at: &i)) }
            return out
        }
    }

    static func spans(in s: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            let closers: [Unicode.Scalar]
            switch c {
            case "\u{201C}": closers = ["\u{201D}"]
            case "\u{201E}": closers = ["\u{201C}", "\u{201D}"]
            case "\u{00AB}": closers = ["\u{00BB}"]
            case "\"": closers = ["\""]
            default: i += 1; continue
            }
            var j = i + 1
            while j < s.count && !closers.contains(s[j]) { j += 1 }
            if j < s.count {
                spans.append(Span(open: i, close: j, after: j + 1, closed: true))
                i = j + 1
            } else {
                spans.append(Span(open: i, close: s.count, after: s.count, closed: false))
                i = s.count
            }
        }
        return spans
    }

    static func isDirect(_ s: [Unicode.Scalar], _ span: Span) -> Bool {
        var k = span.open - 1
        while k >= 0 && TextFold.isSpace(s[k]) { k -= 1 }
        guard k >= 0 else { return true }
        if ".!?:,;\u{2014}\u{2013}-(\u{201D}\"\u{2026}".unicodeScalars.contains(s[k]) { return true }
        // `Blinken said “…”` without a comma.
        var a = k
        while a > 0 && !TextFold.isSpace(s[a - 1]) { a -= 1 }
        return SpeechWords.verbs.contains(String(scalars: s[a...k]).lowercased())
    }

    static func quoteText(_ s: [Unicode.Scalar], _ span: Span) -> String {
        var text = String(scalars: s[(span.open + 1)..<span.close]).trimmingSpaces
        while let last = text.last, last == "," || last == " " { text.removeLast() }
        return text
    }
}
