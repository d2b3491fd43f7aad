extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines; byte-level, so cheap on long lines.
    var trimmingSpaces: String {
        let s = Substring(self)
        let u = s.utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A })!
        return String(s[first...last])
    }
}
