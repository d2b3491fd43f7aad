import Foundation

/// How likely each line of copied page text is article text, from the line's `LineFeatures` row and the
/// page context of `BodyModel+Context.swift`, weighed by a few hundred shallow boosted trees learned on
/// the realpages `dev` split (`scripts/train-body-model.py`, tables generated into `BodyModel+Trees.swift`).
/// The layout rules still place headline, byline, captions and tail; the model then drops the lines
/// between them that no article is made of (reader comments, menus and widgets the phrase lists never
/// heard of).
public enum BodyModel {
    /// The probability that each unit is article text, in unit order.
    static func probabilities(_ units: [TextUnit]) -> [Double] {
        let v = vectors(units, lines: LineFeatures.table(units))
        return (0..<units.count).map { probability(v, row: $0) }
    }

    /// The probability that row `row` of `vectors` (`width` values per row) is article text. Each tree is
    /// complete, its inner nodes in level order: a row goes right where its feature is above the node's
    /// threshold, so `depth` comparisons and no test for leaves find its score.
    static func probability(_ vectors: [Double], row: Int) -> Double {
        let base = row * width
        let inner = (1 << depth) - 1
        var z = baseline
        vectors.withUnsafeBufferPointer { x in
            splitFeatures.withUnsafeBufferPointer { feature in
                splitThresholds.withUnsafeBufferPointer { threshold in
                    leafValues.withUnsafeBufferPointer { leaf in
                        var s = 0, l = 0
                        while s < feature.count {
                            var k = 0
                            for _ in 0..<depth {
                                k = 2 * k + (x[base + Int(feature[s + k])] > threshold[s + k] ? 2 : 1)
                            }
                            z += leaf[l + k - inner]
                            s += inner
                            l += inner + 1
                        }
                    }
                }
            }
        }
        return 1 / (1 + exp(-z))
    }

    /// Feature names in vector order; the training script checks them against its own copy.
    public static var featureNames: [String] { LineFeatures.names + contextNames }

    /// Every line of a copied-text page as the layout sees it, with its feature vector: what the training
    /// script labels against the gold. `text` is the decoded page.
    public static func featureRows(text: String) -> [(line: String, features: [Double])] {
        var units = PageSegmenter.units(text)
        for i in units.indices { units[i].text = CaptionParser.strippingWidgets(units[i].text) }
        let v = vectors(units, lines: LineFeatures.table(units))
        return units.indices.map { (units[$0].text, Array(v[($0 * width)..<(($0 + 1) * width)])) }
    }
}
