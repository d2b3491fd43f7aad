extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines; byte-level, so cheap on long lines.
    @inlinable
    package var trimmingSpaces: String {
        let s = Substring(self)
        let u = s.utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A })!
        return String(s[first...last])
    }
}

extension String {
    /// Without leading and trailing full stops: what `trimmingCharacters(in: ["."])` returns, without
    /// building a CharacterSet per call (that showed as 10% of a normalization in the person index).
    @inlinable
    package var trimmingPeriods: String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x2E }) else { return "" }
        if first == u.startIndex && u.last != 0x2E { return self }
        let last = u.lastIndex(where: { $0 != 0x2E })!
        // Both ends sit on scalar boundaries: a full stop is one byte and never inside a scalar.
        return String(self[first..<u.index(after: last)])
    }
}

extension Substring {
    /// `self = dropLast()` without its cost: `dropLast` offsets from the end with a limit, which walks the
    /// whole substring's Characters, so trimming a full stop off a 1,000-byte line read the line again.
    @inlinable
    package mutating func removeLastCharacter() {
        self = self[..<index(before: endIndex)]
    }
}
