import TextKit

extension PageLayout {
    /// "Related:" / "Most read" headers take the list of headlines under them along.
    mutating func markLists(from start: Int, to end: Int) {
        for h in listHeaders.sorted() {
            var i = h + 1
            while i < units.count, units[i].role == .undecided || units[i].role == .boilerplate {
                if units[i].role == .undecided {
                    guard units[i].isHeadlineShaped, units[i].words <= 20 else { break }
                    units[i].role = .boilerplate
                }
                i += 1
            }
        }
    }

    func collectBody(header: Header, cut: Int, into out: inout ParsedText) {
        var seenCaptions = Set<String>()
        for (i, u) in units.enumerated() {
            switch u.role {
            case .undecided where i >= header.bodyStart && i < cut:
                out.paragraphs.append(u.text)
                out.foldedParagraphs.append(folded[i])
                out.paragraphWords.append(textWords[i])
            case .caption where i < cut:
                guard let caption = u.caption else { continue }
                if caption.text.isEmpty {
                    // A credit on its own line belongs to the caption just above it.
                    if let last = out.captions.indices.last, out.captions[last].credit == nil {
                        out.captions[last].credit = caption.credit
                    } else {
                        out.removed.append(u.text)
                    }
                } else if seenCaptions.insert(TextFold.fold(caption.text)).inserted {
                    out.captions.append(caption)
                }
            case .boilerplate, .navigation:
                out.removed.append(u.text)
            case .caption:
                out.removed.append(u.text)
            case .byline:
                for name in bylines[i] ?? [] where !out.authors.contains(name) {
                    out.authors.append(name)
                }
            default:
                break
            }
        }
    }

    func readDateline(into out: inout ParsedText) {
        guard let first = out.paragraphs.first, let d = DatelineParser.parse(first) else { return }
        out.dateline = d.place
        out.wireAgency = d.agency
        out.paragraphs[0] = d.rest
        out.foldedParagraphs[0] = TextFold.fold(d.rest)
        out.paragraphWords[0] = TextFold.wordCount(d.rest)
        if let date = d.date, out.publishedAt == nil {
            out.publishedAt = date.iso
            out.publishedAtSource = .dateline
        }
    }

    /// Byline dates beat the dateline, which beats photo captions; of caption dates the latest wins,
    /// since archive photos are older than the story.
    func readDates(into out: inout ParsedText) {
        let ordered = stamps.sorted { $0.key < $1.key }.map(\.value)
        if let stamp = ordered.first(where: { !$0.isUpdate }) ?? ordered.first {
            out.publishedAt = stamp.date.iso
            out.publishedAtSource = .byline
            return
        }
        if out.publishedAt != nil { return }
        if let latest = out.captions.flatMap({ DateScanner.dates(in: $0.text) }).max() {
            out.publishedAt = latest.iso
            out.publishedAtSource = .caption
        }
    }
}
