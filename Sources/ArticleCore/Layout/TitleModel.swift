import Foundation

/// Which headline candidate of copied page text is the headline, from `TitleFeatures` weighed by a
/// softmax ranking learned on the realpages `dev` split (`scripts/train-title-model.py`, weights generated
/// into `TitleModel+Weights.swift`). The layout rules still find the candidates and place kicker and
/// standfirst around the chosen line.
public enum TitleModel {
    static func score(_ row: [Double]) -> Double {
        var z = 0.0
        for (w, x) in zip(weights, row) { z += w * x }
        return z
    }

    /// Feature names in vector order; the training script checks them against its own copy.
    public static var featureNames: [String] { TitleFeatures.names }

    /// Every headline candidate of a copied-text page as the layout sees it, with its feature vector and
    /// line number (from 1): what the training script labels against the gold title. `text` is the decoded page.
    public static func candidateRows(text: String) -> [(line: Int, text: String, features: [Double])] {
        var layout = PageLayout(text: text, options: NormalizerOptions(), knownTitle: nil, knownPublisher: nil)
        layout.usesBodyModel = true
        guard !layout.units.isEmpty else { return [] }
        layout.classify()
        layout.applyLearned(publisher: layout.inferPublisher())
        guard let firstProse = layout.firstProseIndex() else { return [] }
        _ = layout.cutTail(after: firstProse)
        let candidates = layout.titleCandidates(firstProse: firstProse)
        let rows = TitleFeatures.rows(layout, candidates: candidates, firstProse: firstProse,
                                      lines: LineFeatures.table(layout.units))
        return zip(candidates, rows).map { (layout.units[$0.0].line, layout.units[$0.0].text, $0.1) }
    }
}
