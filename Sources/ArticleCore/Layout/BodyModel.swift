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
    /// stored as nodes whose children sit side by side: an inner node sends the row to `child` when its
    /// feature is at most `value`, else to `child + 1`; a leaf (feature -1) holds its score in `value`.
    static func probability(_ vectors: [Double], row: Int) -> Double {
        let base = row * width
        var z = baseline
        vectors.withUnsafeBufferPointer { x in
            nodeFeatures.withUnsafeBufferPointer { feature in
                nodeChildren.withUnsafeBufferPointer { child in
                    nodeValues.withUnsafeBufferPointer { value in
                        for root in treeRoots {
                            var k = Int(root)
                            while feature[k] >= 0 {
                                k = Int(child[k]) + (x[base + Int(feature[k])] > value[k] ? 1 : 0)
                            }
                            z += value[k]
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
