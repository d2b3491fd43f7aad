import TextKit

extension PageLayout {
    /// Drops body paragraphs that only echo something else: pull quotes repeating a body sentence,
    /// the author's bio and sign-off lines at the end ("Clara Baumann is a writer based in Zurich.",
    /// "Julien Mercier (Carcassonne, envoyé spécial)").
    func dropEchoes(_ out: inout ParsedText) {
        var keep = [Bool](repeating: true, count: out.paragraphs.count)
        let totalBytes = out.paragraphs.reduce(0) { $0 + $1.utf8.count }
        if totalBytes <= 400_000 {
            let folded = out.foldedParagraphs
            // `plainContains` checks both strings for plain text on every call; each paragraph is checked
            // once here, and plain pairs are searched byte by byte as it would search them.
            var isPlain: [Bool]?
            for i in out.paragraphs.indices where out.paragraphWords[i] <= 40 {
                let key = Self.quoteStripped(folded[i])
                guard key.utf8.count >= 25 else { continue }
                let plain = isPlain ?? folded.map { var f = $0; return f.withUTF8 { PlainText.isPlain($0) } }
                isPlain = plain
                var needle = key
                let keyIsPlain = needle.withUTF8 { PlainText.isPlain($0) }
                let keyBytes = Array(key.utf8)
                if folded.indices.contains(where: {
                    guard $0 != i && folded[$0].utf8.count > folded[i].utf8.count else { return false }
                    return keyIsPlain && plain[$0] ? ByteSearch.contains(folded[$0], keyBytes) : folded[$0].plainContains(key)
                }) {
                    keep[i] = false
                }
            }
        }
        let authors = out.authors
        for i in out.paragraphs.indices.suffix(3) where !authors.isEmpty {
            let p = out.paragraphs[i]
            let words = out.paragraphWords[i]
            for name in authors where p.hasPrefix(name) {
                let rest = p.dropFirst(name.count)
                let bio = rest.hasPrefix(" ") && rest.dropFirst().first?.isLowercase == true && words <= 60
                if bio || (rest.hasPrefix(" (") && words <= 12) || rest.isEmpty {
                    keep[i] = false
                }
            }
            // "Sophie Garnier et Karim Belkacem": nothing but the byline's names.
            if words <= 12, let names = BylineParser.authors(in: "By " + p), names == authors { keep[i] = false }
        }
        guard keep.contains(false) else { return }
        for (i, p) in out.paragraphs.enumerated() where !keep[i] { out.removed.append(p) }
        out.paragraphs = out.paragraphs.indices.filter { keep[$0] }.map { out.paragraphs[$0] }
        out.foldedParagraphs = out.foldedParagraphs.indices.filter { keep[$0] }.map { out.foldedParagraphs[$0] }
        out.paragraphWords = out.paragraphWords.indices.filter { keep[$0] }.map { out.paragraphWords[$0] }
    }

    static func quoteStripped(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, "\"'\u{201C}\u{201E}\u{00AB} ".contains(c) { t = t.dropFirst() }
        while let c = t.last, "\"'\u{201D}\u{00BB}.,!? ".contains(c) { t.removeLastCharacter() }
        return String(t)
    }
}
