import TextKit

/// The attribution forms of news prose, read from the words after or before a quotation.
extension QuoteExtractor {
    /// "…,” he told the Knesset" / "…,” Blinken said" / "…,” said Blinken" / "…,” the Times reported".
    static func after(_ s: [Unicode.Scalar], _ span: Span, limit: Int) -> Attribution? {
        guard span.closed else { return nil }
        let tokens = WordToken.tokens(s, span.after..<min(limit, span.after + 200)).prefix(12)
        guard let first = tokens.first else { return nil }
        if SpeechWords.verbs.contains(first.lower) {
            return verbThenSubject(Array(tokens.dropFirst()))
        }
        // "ha declarado el portavoz…", "a déclaré…", "hat gesagt…".
        if SpeechWords.auxiliaries.contains(first.lower), tokens.count > 1, SpeechWords.verbs.contains(tokens[1].lower) {
            return verbThenSubject(Array(tokens.dropFirst(2)))
        }
        return subjectThenVerb(Array(tokens)) ?? nameBeforeVerb(Array(tokens))
    }

    /// "Blinken said: “…”", "He added, “…”", "According to Blinken, “…”".
    static func before(_ s: [Unicode.Scalar], _ span: Span, from previousEnd: Int) -> Attribution? {
        var start = max(previousEnd, span.open - 200)
        // Only the sentence the quote belongs to.
        var k = span.open - 1
        while k > start {
            if ".!?".unicodeScalars.contains(s[k]) && k + 1 < s.count && TextFold.isSpace(s[k + 1]) { start = k + 1; break }
            k -= 1
        }
        let tokens = WordToken.tokens(s, start..<span.open)
        guard !tokens.isEmpty else { return nil }
        if let acc = tokens.lastIndex(where: { $0.lower == "according" }), acc + 2 < tokens.count,
           tokens[acc + 1].lower == "to" {
            return nameOrPronoun(Array(tokens[(acc + 2)...]))
        }
        guard let v = tokens.indices.reversed().prefix(6).first(where: { SpeechWords.verbs.contains(tokens[$0].lower) })
        else { return nil }
        if v + 1 < tokens.count, let named = nameOrPronoun(Array(tokens[(v + 1)...])), named != .unnamed {
            return named
        }
        var subjectEnd = v - 1
        while subjectEnd >= 0 && SpeechWords.adverbs.contains(tokens[subjectEnd].lower) { subjectEnd -= 1 }
        guard subjectEnd >= 0 else { return nil }
        let t = tokens[subjectEnd]
        if SpeechWords.pronouns.contains(t.lower) { return .pronoun }
        guard t.isCapitalized else { return .unnamed }
        var first = subjectEnd
        while first > 0 && (tokens[first - 1].isCapitalized || SpeechWords.nameParticles.contains(tokens[first - 1].lower))
            && !tokens[first - 1].breakAfter && subjectEnd - first < 4 {
            first -= 1
        }
        let theTimes = first > 0 && tokens[first - 1].lower == "the"
        return nameOrPronoun(Array(tokens[first...subjectEnd]), definite: theTimes)
    }

    /// "…,” Lumen's head of hardware, Sofia Lindgren, told me": the name set off right before the verb.
    fileprivate static func nameBeforeVerb(_ tokens: [WordToken]) -> Attribution? {
        guard let v = tokens.prefix(12).firstIndex(where: { SpeechWords.verbs.contains($0.lower) }), v > 0 else { return nil }
        if tokens[..<v].contains(where: \.endsSentence) { return nil }
        var first = v - 1
        guard tokens[first].isCapitalized else { return nil }
        while first > 0, tokens[first - 1].isCapitalized, !tokens[first - 1].breakAfter, v - first < 4 { first -= 1 }
        let run = PersonIndex.nameRun(tokens, from: first)
        // "…,” Jane Doe, head of planning at the Port Authority, said": the organisation closes the role
        // set off after the speaker's name, which opens the clause.
        if first > 0, tokens[0].isCapitalized, PersonIndex.isAffiliation(tokens, from: first, run) {
            let subject = PersonIndex.nameRun(tokens, from: 0)
            if let end = subject.last, end.breakAfter, !end.endsSentence, !SpeechWords.namesInstitution(subject),
               let after = tokens.firstIndex(where: { $0.start == end.start }).map({ $0 + 1 }), after < v,
               PersonIndex.isRole(tokens[after]) {
                return .name(subject.map(\.core).joined(separator: " "))
            }
        }
        return run.isEmpty ? nil : .name(run.map(\.core).joined(separator: " "))
    }

    fileprivate static func subjectThenVerb(_ tokens: [WordToken]) -> Attribution? {
        guard let first = tokens.first else { return nil }
        var k = 0
        let subject: Attribution?
        if SpeechWords.pronouns.contains(first.lower) {
            subject = .pronoun
            k = 1
        } else if SpeechWords.unclearSubjects.contains(first.lower) {
            subject = .unnamed
            k = 1
        } else if first.lower == "the" || first.lower == "a" || first.lower == "an" {
            guard tokens.count > 1 else { return nil }
            if tokens[1].isCapitalized {
                let run = PersonIndex.nameRun(tokens, from: 1)
                guard !run.isEmpty else { return nil }
                subject = .name("the " + run.map(\.core).joined(separator: " "))
                k = 1 + run.count
            } else {
                k = 1
                while k < tokens.count && k < 5 && !SpeechWords.verbs.contains(tokens[k].lower) && !tokens[k - 1].breakAfter {
                    k += 1
                }
                subject = .unnamed
            }
        } else if first.isCapitalized {
            let run = PersonIndex.nameRun(tokens, from: 0)
            guard !run.isEmpty else { return nil }
            subject = .name(run.map(\.core).joined(separator: " "))
            k = tokens.firstIndex(where: { $0.start == run.last!.start })! + 1
        } else {
            // "chief executive Taras Bondarenko told": a lowercase role before the name.
            var j = 0
            while j < tokens.count, j < 3, !tokens[j].isCapitalized, !tokens[j].breakAfter,
                  !SpeechWords.verbs.contains(tokens[j].lower) { j += 1 }
            guard j > 0, j < tokens.count, tokens[j].isCapitalized else { return nil }
            let run = PersonIndex.nameRun(tokens, from: j)
            guard !run.isEmpty else { return nil }
            subject = .name(run.map(\.core).joined(separator: " "))
            k = tokens.firstIndex(where: { $0.start == run.last!.start })! + 1
        }
        while k < tokens.count && SpeechWords.adverbs.contains(tokens[k].lower) { k += 1 }
        guard k < tokens.count, SpeechWords.verbs.contains(tokens[k].lower) else { return nil }
        return subject
    }

    /// "said Blinken", "said branch director Karen Whitlatch", "said the charity’s director, Tom Aldridge":
    /// the name is the last capitalised run of the first clause that has one.
    fileprivate static func verbThenSubject(_ tokens: [WordToken]) -> Attribution? {
        guard let first = tokens.first else { return .unnamed }
        if SpeechWords.pronouns.contains(first.lower) { return .pronoun }
        if first.lower == "the", tokens.count > 1, tokens[1].isCapitalized, let named = nameOrPronoun(tokens) {
            // "said the Times" — unless a name follows the role ("said the company's chief, Avi Kaplan").
            if case .name = named, tokens[1].breakAfter || tokens.count < 3 || !tokens[2].isCapitalized { return named }
        }
        // Score the capitalised runs of the first two clauses: full names beat single words, a run closed by
        // punctuation ("…, Tom Aldridge.") beats one that runs on; ties go to the earlier run.
        var best: (score: Int, run: [WordToken])?
        var k = 0
        var clauses = 0
        while k < tokens.count && clauses < 2 {
            let t = tokens[k]
            if t.isCapitalized && !t.isPossessive {
                let run = PersonIndex.nameRun(tokens, from: k)
                let length = max(1, run.count)
                let raw = Array(tokens[k..<min(tokens.count, k + length)])
                if !run.isEmpty {
                    // An organisation in the role that follows the name ("said Jane Doe, head of planning at
                    // the Port Authority") is where the speaker works: any person's name beats it.
                    let score = PersonIndex.isAffiliation(tokens, from: k, run)
                        ? -1 : (run.count >= 2 ? 2 : 0) + (raw.last!.breakAfter ? 1 : 0)
                    if best == nil || score > best!.score { best = (score, run) }
                }
                k += length
                if raw.last!.endsSentence { break }
                if raw.last!.breakAfter { clauses += 1 }
                continue
            }
            k += 1
            if t.endsSentence { break }
            if t.breakAfter { clauses += 1 }
        }
        if let best { return .name(best.run.map(\.core).joined(separator: " ")) }
        return .unnamed
    }

    fileprivate static func nameOrPronoun(_ tokens: [WordToken], definite: Bool = false) -> Attribution? {
        guard let first = tokens.first else { return nil }
        if SpeechWords.pronouns.contains(first.lower) { return .pronoun }
        if first.lower == "the", tokens.count > 1, tokens[1].isCapitalized {
            let run = PersonIndex.nameRun(tokens, from: 1)
            return run.isEmpty ? .unnamed : .name("the " + run.map(\.core).joined(separator: " "))
        }
        guard first.isCapitalized else { return .unnamed }
        let run = PersonIndex.nameRun(tokens, from: 0)
        guard !run.isEmpty else { return .unnamed }
        return .name((definite ? "the " : "") + run.map(\.core).joined(separator: " "))
    }
}
