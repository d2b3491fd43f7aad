/// "k of n", printed as a percentage with its counts.
struct Ratio: Sendable {
    var hits: Int
    var total: Int

    init(_ hits: Int, of total: Int) {
        self.hits = hits
        self.total = total
    }

    /// nil when there is nothing to count.
    var value: Double? { total == 0 ? nil : Double(hits) / Double(total) }

    var text: String {
        guard let v = value else { return "n/a" }
        return "\(Ratio.percent(v))  (\(hits)/\(total))"
    }

    static func percent(_ v: Double) -> String {
        let tenths = Int((v * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func + (a: Ratio, b: Ratio) -> Ratio { Ratio(a.hits + b.hits, of: a.total + b.total) }

    /// Counts the `true` among the stated (non-nil) flags.
    static func count(_ flags: [Bool?]) -> Ratio {
        let stated = flags.compactMap { $0 }
        return Ratio(stated.filter { $0 }.count, of: stated.count)
    }

    var json: [String: Any] {
        var d: [String: Any] = ["hits": hits, "total": total]
        if let v = value { d["value"] = (v * 10000).rounded() / 10000 }
        return d
    }
}
