/// Nearest-rank percentiles of a sample (milliseconds in, milliseconds out).
struct Percentiles {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var count: Int { sorted.count }
    /// Values actually measured (not +∞ placeholders for "never happened").
    var finiteCount: Int { sorted.filter(\.isFinite).count }
    var isEmpty: Bool { sorted.isEmpty }

    /// Nearest rank: the smallest value with at least `p`% of the sample at or below it.
    func value(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }

    var median: Double { value(50) }
    var max: Double { sorted.last ?? .nan }
    var min: Double { sorted.first ?? .nan }
}
