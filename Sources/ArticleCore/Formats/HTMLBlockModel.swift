import Foundation
import HTMLKit

/// Which blocks of an HTML page are the article: a logistic regression over `HTMLBlockFeatures` (the
/// markup's evidence and the block's line shape) and the class and id words of the block and its
/// ancestors, learned on the realpages `dev` split (`scripts/train-html-model.py`, weights generated into
/// `HTMLBlockModel+Weights.swift`). It sees the whole `<body>`, so article text outside the finder's
/// container can come back and a related-links box inside it can go. The text rules then read what it
/// keeps, as before.
public enum HTMLBlockModel {
    /// The emitter's blocks without the text blocks that are not article text; headline and caption
    /// blocks stay. Inside the roots the blocks before the first paragraph of prose are left to the text
    /// rules, which read bylines, dates and the standfirst there. Above the roots only prose of one line
    /// can join: a teaser's headline kept there, alone or `<br>`-joined to its text, would pass for the
    /// page's headline (on dev this costs no F1).
    static func articleBlocks(_ blocks: [HTMLTextEmitter.Block], doc: HTMLDocument, finder: HTMLContentFinder) -> [HTMLTextEmitter.Block] {
        let text = blocks.indices.filter { blocks[$0].kind == .text }
        let rows = HTMLBlockFeatures.rows(text.map { blocks[$0] }, doc: doc, finder: finder)
        let proseColumn = HTMLBlockFeatures.names.firstIndex(of: "line_is_prose")!
        var keep = [Bool](repeating: true, count: blocks.count)
        var headerZone = true
        var seenRoots = false
        for (r, k) in text.enumerated() {
            let b = blocks[k]
            // The chrome rules stay the last word on what they drop: a call-to-action or newsletter box
            // reads as prose, and a page wrapped whole in a menu is better read as a copy (dev: -0.002 F1).
            if b.chrome {
                keep[k] = false
                continue
            }
            let structural = b.inRoots
            seenRoots = seenRoots || structural
            let row = rows.row(r)
            let isProse = row[row.startIndex + proseColumn] > 0
            if structural && headerZone {
                if isProse { headerZone = false } else { continue }
            }
            if !seenRoots && (!isProse || b.text.contains("\n")) {
                keep[k] = false
                continue
            }
            let p = probability(row, tokens: rows.tokens[r])
            keep[k] = p >= (structural ? thresholdInRoots : thresholdOutside)
        }
        return blocks.indices.filter { keep[$0] }.map { blocks[$0] }
    }

    static func probability(_ row: ArraySlice<Double>, tokens: [String]) -> Double {
        var z = bias
        for (w, x) in zip(weights, row) { z += w * x }
        for t in tokens { z += tokenWeights[t] ?? 0 }
        return 1 / (1 + exp(-z))
    }

    /// Feature names in vector order; the training script checks them against its own copy.
    public static var featureNames: [String] { HTMLBlockFeatures.names }

    /// Every text block of a page's body as the model sees it, for the training script: the block's text,
    /// its feature vector and its class and id words.
    public static func featureRows(html: String) -> [(text: String, features: [Double], tokens: [String])] {
        let doc = HTMLDocument(bytes: Array(html.utf8))
        let finder = HTMLContentFinder(doc)
        var emitter = HTMLPage.emitter(doc: doc, finder: finder)
        emitter.collect()
        let blocks = emitter.blocks.filter { $0.kind == .text }
        let rows = HTMLBlockFeatures.rows(blocks, doc: doc, finder: finder)
        return blocks.indices.map { (blocks[$0].text, Array(rows.row($0)), rows.tokens[$0]) }
    }
}
