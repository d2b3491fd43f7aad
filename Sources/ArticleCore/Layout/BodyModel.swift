import Foundation

/// How likely each line of copied page text is article text, from `LineFeatures` weighed by a logistic
/// regression learned on the realpages `dev` split (`scripts/train-body-model.py`, weights generated into
/// `BodyModel+Weights.swift`). The layout rules still place headline, byline, captions and tail; the model
/// then drops the lines between them that no article is made of (reader comments, menus and widgets the
/// phrase lists never heard of).
public enum BodyModel {
    /// The probability that each unit is article text, in unit order.
    static func probabilities(_ units: [TextUnit]) -> [Double] {
        probabilities(LineFeatures.table(units))
    }

    static func probabilities(_ m: LineFeatures.Matrix) -> [Double] {
        (0..<m.rows).map { probability(m.row($0)) }
    }

    static func probability(_ row: ArraySlice<Double>) -> Double {
        var z = bias
        for (w, x) in zip(weights, row) { z += w * x }
        return 1 / (1 + exp(-z))
    }

    /// Feature names in vector order; the training script checks them against its own copy.
    public static var featureNames: [String] { LineFeatures.names }

    /// Every line of a copied-text page as the layout sees it, with its feature vector: what the training
    /// script labels against the gold. `text` is the decoded page.
    public static func featureRows(text: String) -> [(line: String, features: [Double])] {
        var units = PageSegmenter.units(text)
        for i in units.indices { units[i].text = CaptionParser.strippingWidgets(units[i].text) }
        let m = LineFeatures.table(units)
        return units.indices.map { (units[$0].text, Array(m.row($0))) }
    }
}
