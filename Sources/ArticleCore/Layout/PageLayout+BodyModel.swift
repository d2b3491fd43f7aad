extension PageLayout {
    /// Lines the rules left in the body but the model finds unlike article text become removed lines.
    /// Only the body's own lines are weighed: headline, byline, captions and the tail cut stay the rules'.
    /// The page's first and last lines are left to the rules: with no neighbour on one side the model sees
    /// half its evidence, and on the training pages such lines were chrome, so it would drop a closing
    /// paragraph that happens to end the copy.
    mutating func dropUnlikelyBody(from start: Int, to end: Int) {
        guard start < end else { return }
        let v = BodyModel.vectors(units, lines: lineTable ?? LineFeatures.table(units))
        for i in start..<end where i > 0 && i < units.count - 1 && units[i].role == .undecided
            && BodyModel.probability(v, row: i) < BodyModel.threshold {
            units[i].role = .boilerplate
        }
    }
}
