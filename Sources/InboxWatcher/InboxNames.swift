/// Which names in the inbox are never inputs.
public enum InboxNames {
    /// Writers use these while a file is incomplete, then rename it to its final name.
    static let temporarySuffixes = [".tmp", ".part", ".partial", ".crdownload", "~"]
    /// `NAME.error` files are our own reject notes; one left in the inbox must not be ingested.
    static let errorSuffix = ".error"

    /// True for temp names (contract: leading `.`, or ending in `.tmp`, `.part`, `.partial`, `.crdownload`, `~`)
    /// and for `.error` notes. Applies to the last path component only.
    public static func isIgnored(_ name: String) -> Bool {
        let base = PathSyntax.lastComponent(name)
        if base.isEmpty || base.hasPrefix(".") { return true }
        let lower = base.lowercased()
        if lower.hasSuffix(errorSuffix) { return true }
        return temporarySuffixes.contains { lower.hasSuffix($0) }
    }

    /// True when any component of a relative path is ignored (a file inside `.staging/` is not an input yet).
    public static func isIgnoredPath(_ relativePath: String) -> Bool {
        relativePath.split(separator: "/").contains { isIgnored(String($0)) }
    }
}
