import Foundation

/// Renders a scored corpus: the summary table, the per-file listing with the worst diffs, or JSON.
struct Report {
    var score: CorpusScore
    var totals: CorpusTotals

    init(_ score: CorpusScore) {
        self.score = score
        self.totals = CorpusTotals(score)
    }

    private static func f3(_ v: Double) -> String {
        let thousandths = Int((v * 1000).rounded())
        let frac = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    func table() -> String {
        let t = totals
        let formats = score.filesByExtension.sorted { $0.key < $1.key }.map { "\($0.value) .\($0.key)" }.joined(separator: ", ")
        var rows: [(String, String)] = [
            ("files scored", "\(t.files)  (\(formats))"),
            ("articles expected / produced", "\(t.articles) / \(t.produced)"),
            ("error cases", "\(score.errorCases.count)"),
            ("title accuracy", t.title.text),
            ("body tokens micro P / R / F1", "\(Self.f3(t.micro.precision)) / \(Self.f3(t.micro.recall)) / \(Self.f3(t.micro.f1))"),
            ("body tokens macro P / R / F1", "\(Self.f3(t.macroPrecision)) / \(Self.f3(t.macroRecall)) / \(Self.f3(t.macroF1))"),
            ("paragraphs exact", t.paragraphsExact.text),
            ("boilerplate lines leaked", t.boilerplateLeaked.text),
            ("articles with a leak", t.articlesLeaking.text),
            ("caption recall", t.captions.text),
            ("captions left in body", t.captionsInBody.text),
            ("date accuracy (all)", t.date.text),
            ("  when a date is expected", t.dateWhenSet.text),
            ("  when null is expected", t.dateWhenNull.text),
            ("author accuracy", t.authors.text),
            ("kicker accuracy", t.kicker.text),
            ("dek accuracy", t.dek.text),
            ("dateline accuracy", t.dateline.text),
            ("publisher accuracy", t.publisher.text),
            ("language accuracy", t.language.text),
            ("quote recall", t.quotes.text),
            ("  speaker accuracy (found)", t.speakers.text),
            ("error-case accuracy", t.errorCases.text),
            ("normalize time", "\(Int((score.normalizeSeconds * 1000).rounded())) ms"),
        ]
        if !t.failures.isEmpty {
            for f in t.failures.prefix(3) {
                rows.append(("failed articles", "\(f.count) × \(TextMatch.clip(f.message, 70))"))
            }
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        var out = "articled-eval: \(score.root)\n"
        let rule = String(repeating: "-", count: width + 40)
        out += rule + "\n"
        for (k, v) in rows { out += Self.pad(k, width) + "  " + v + "\n" }
        out += rule + "\n"
        for n in score.notes { out += "note: \(n)\n" }
        return out
    }

    func verbose(worst: Int = 8) -> String {
        var out = "per article (title ok, body P/R/F1, boilerplate leaked, captions found, date, authors):\n"
        let width = min(score.articles.map { $0.label.count }.max() ?? 0, 60)
        for a in score.articles {
            let flag = a.failure == nil ? "" : "  FAILED \(TextMatch.clip(a.failure!, 50))"
            let date = a.date.map { $0 ? "ok" : "no" } ?? "-"
            let authors = a.authors.map { $0 ? "ok" : "no" } ?? "-"
            out += "  " + Self.pad(TextMatch.clip(a.label, 60), width)
                + "  title " + (a.title ? "ok" : "no")
                + "  \(Self.f3(a.body.precision))/\(Self.f3(a.body.recall))/\(Self.f3(a.body.f1))"
                + "  bp \(a.boilerplateLeaked.count)/\(a.boilerplateLines)"
                + "  cap \(a.captionsFound)/\(a.captionsExpected)"
                + "  date \(date)  authors \(authors)" + flag + "\n"
        }
        if !score.errorCases.isEmpty {
            out += "\nerror cases:\n"
            for e in score.errorCases {
                out += "  " + (e.correct ? "ok  " : "BAD ") + e.label + ": expected \(e.expected), got \(e.got)\n"
            }
        }
        let withMismatches = score.articles.filter { !$0.mismatches.isEmpty || ($0.failure == nil && !$0.title) }
        if !withMismatches.isEmpty {
            out += "\nfield mismatches (expected → produced):\n"
            for a in withMismatches {
                if a.failure == nil, !a.title {
                    out += "  \(a.label)  title: “\(TextMatch.clip(a.expectedTitle, 60))” → “\(TextMatch.clip(a.producedTitle ?? "", 60))”\n"
                }
                for m in a.mismatches { out += "  \(a.label)  \(m.field): \(m.expected) → \(m.got)\n" }
            }
        }
        let ranked = score.articles.filter { $0.failure == nil && $0.body.f1 < 1 || !$0.boilerplateLeaked.isEmpty }
            .sorted { $0.body.f1 < $1.body.f1 }
        if !ranked.isEmpty {
            out += "\nworst diffs (lowest body F1 first):\n"
            for a in ranked.prefix(worst) {
                out += "\n  \(a.label)  F1 \(Self.f3(a.body.f1))\n"
                for p in a.missing.prefix(5) { out += "    - missing: \(TextMatch.clip(p))\n" }
                if a.missing.count > 5 { out += "    - … \(a.missing.count - 5) more missing\n" }
                for p in a.extra.prefix(5) { out += "    + extra:   \(TextMatch.clip(p))\n" }
                if a.extra.count > 5 { out += "    + … \(a.extra.count - 5) more extra\n" }
                for l in a.boilerplateLeaked.prefix(5) { out += "    ! leaked:  \(TextMatch.clip(l))\n" }
            }
        }
        let failed = score.articles.filter { $0.failure != nil }
        if !failed.isEmpty {
            out += "\n\(failed.count) expected articles were not produced (scored as zero).\n"
        }
        return out
    }

    func json() -> String {
        let t = totals
        func prf(_ p: Double, _ r: Double, _ f: Double) -> [String: Any] {
            ["precision": (p * 10000).rounded() / 10000, "recall": (r * 10000).rounded() / 10000, "f1": (f * 10000).rounded() / 10000]
        }
        let obj: [String: Any] = [
            "corpus": score.root,
            "files": t.files,
            "files_by_extension": score.filesByExtension,
            "articles_expected": t.articles,
            "articles_produced": t.produced,
            "title_accuracy": t.title.json,
            "body_tokens": [
                "micro": prf(t.micro.precision, t.micro.recall, t.micro.f1),
                "macro": prf(t.macroPrecision, t.macroRecall, t.macroF1),
                "expected_tokens": t.micro.expected, "produced_tokens": t.micro.produced, "overlap": t.micro.overlap,
            ],
            "paragraphs_exact": t.paragraphsExact.json,
            "boilerplate_leaked": t.boilerplateLeaked.json,
            "articles_with_leak": t.articlesLeaking.json,
            "caption_recall": t.captions.json,
            "captions_in_body": t.captionsInBody.json,
            "date_accuracy": ["all": t.date.json, "expected_date": t.dateWhenSet.json, "expected_null": t.dateWhenNull.json],
            "author_accuracy": t.authors.json,
            "kicker_accuracy": t.kicker.json,
            "dek_accuracy": t.dek.json,
            "dateline_accuracy": t.dateline.json,
            "publisher_accuracy": t.publisher.json,
            "language_accuracy": t.language.json,
            "quote_recall": t.quotes.json,
            "speaker_accuracy": t.speakers.json,
            "error_case_accuracy": t.errorCases.json,
            "failures": t.failures.map { ["message": $0.message, "count": $0.count] },
            "notes": score.notes,
            "normalize_ms": Int((score.normalizeSeconds * 1000).rounded()),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys]),
              let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }
}
