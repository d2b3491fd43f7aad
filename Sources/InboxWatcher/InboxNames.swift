import Glibc

/// Which names in the inbox are never inputs.
public enum InboxNames {
    /// Writers use these while a file is incomplete, then rename it to its final name.
    static let temporarySuffixes = [".tmp", ".part", ".partial", ".crdownload", "~"]
    /// `NAME.error` files are our own reject notes; one left in the inbox must not be ingested.
    static let errorSuffix = ".error"
    /// The same suffixes as bytes, for the directory walk, which judges a name before making a `String` of it.
    private static let ignoredSuffixBytes: [[UInt8]] = ([errorSuffix] + temporarySuffixes).map { Array($0.utf8) }

    /// True for temp names (contract: leading `.`, or ending in `.tmp`, `.part`, `.partial`, `.crdownload`, `~`)
    /// and for `.error` notes. Applies to the last path component only.
    public static func isIgnored(_ name: String) -> Bool {
        let base = PathSyntax.lastComponent(name)
        if base.isEmpty || base.hasPrefix(".") { return true }
        let lower = base.lowercased()
        if lower.hasSuffix(errorSuffix) { return true }
        return temporarySuffixes.contains { lower.hasSuffix($0) }
    }

    /// `isIgnored` for one NUL-terminated name as a directory entry holds it. The suffixes are ASCII and no
    /// other character lowercases to one of their letters (the Kelvin sign becomes `k`, in none of them),
    /// so folding ASCII case alone gives the answer `lowercased()` gives, without decoding the name.
    static func isIgnored(cName name: UnsafePointer<CChar>) -> Bool {
        let length = strlen(name)
        if length == 0 || name[0] == 0x2E { return true }   // "", ".", "..", ".hidden"
        return name.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            ignoredSuffixBytes.contains { suffix in
                guard length >= suffix.count else { return false }
                let offset = length - suffix.count
                for (i, expected) in suffix.enumerated() {
                    var byte = bytes[offset + i]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != expected { return false }
                }
                return true
            }
        }
    }

    /// True when any component of a relative path is ignored (a file inside `.staging/` is not an input yet).
    public static func isIgnoredPath(_ relativePath: String) -> Bool {
        relativePath.split(separator: "/").contains { isIgnored(String($0)) }
    }
}
