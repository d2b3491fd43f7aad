extension PageLayout {
    /// Where the article's tail of appeals begins (`units.count` when there is none), and marks it removed.
    ///
    /// The cut is at the first chrome or appeal line after which almost no clean prose remains, pulled back
    /// over the short headline lines that introduce an appeal ("You’re a dedicated reader", "Israel is at
    /// war."). Chrome inside the article ("Advertisement", "Read more: …") has prose after it, so it only
    /// removes its own line.
    mutating func cutTail(after firstProse: Int) -> Int {
        var cleanProseAfter = [Int](repeating: 0, count: units.count + 1)
        var cleanUnitsAfter = [Int](repeating: 0, count: units.count + 1)
        var wordsAfter = [Int](repeating: 0, count: units.count + 1)
        for i in units.indices.reversed() {
            // Any finished sentence of some length counts: a short closing paragraph is still the article's.
            let prose = isClean(i) && (units[i].isProse || (units[i].words >= 8 && units[i].endsLikeSentence))
            cleanProseAfter[i] = cleanProseAfter[i + 1] + (prose ? units[i].words : 0)
            cleanUnitsAfter[i] = cleanUnitsAfter[i + 1] + (prose ? 1 : 0)
            wordsAfter[i] = wordsAfter[i + 1] + units[i].words
        }
        var cut = units.count
        for m in units.indices where m > firstProse && (units[m].isBoilerplate || appeal[m]) {
            // Nothing but chrome, appeals and short lines may follow.
            if cleanUnitsAfter[m] == 0 {
                cut = m
                break
            }
        }
        guard cut < units.count else { return cut }
        // The appeal's own headline sits just above the first marker.
        var pulled = 0
        while cut - 1 > firstProse, pulled < 2, isClean(cut - 1), units[cut - 1].words <= 10,
              units[cut - 1].isHeadlineShaped || units[cut - 1].words <= 5 {
            cut -= 1
            pulled += 1
        }
        for i in cut..<units.count where units[i].role != .byline {
            units[i].role = .boilerplate
        }
        return cut
    }
}
