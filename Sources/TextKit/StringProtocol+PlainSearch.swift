import Foundation

extension StringProtocol {
    /// `range(of: needle)` (Foundation's default, non-literal search), searched byte by byte when
    /// both strings are `PlainText`: there the non-literal rules (canonical equivalence, no match
    /// ending inside a grapheme cluster) never apply. Foundation's search bridged every call through
    /// UTF-16 and was the largest single cost of the echo, dateline and caption checks.
    @inlinable
    package func plainRange(of needle: String, backwards: Bool = false) -> Range<Index>? {
        var needle = needle
        let outcome = needle.withUTF8 { nd in
            utf8.withContiguousStorageIfAvailable { hay -> PlainSearch in
                // Foundation finds nothing for an empty needle; that and non-plain text take its path.
                guard !nd.isEmpty, PlainText.isPlain(nd), PlainText.isPlain(hay) else { return .general }
                return ByteSearch.offset(of: nd, in: hay, backwards: backwards).map { .at($0) } ?? .absent
            } ?? .general
        }
        switch outcome {
        case .general:
            return range(of: needle, options: backwards ? .backwards : [])
        case .absent:
            return nil
        case .at(let offset):
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
        }
    }

    /// `contains(needle)` as Foundation answers it: whether `range(of:)` finds it.
    @inlinable
    package func plainContains(_ needle: String) -> Bool {
        plainRange(of: needle) != nil
    }
}

/// The outcome of a byte search for `plainRange`.
@usableFromInline
enum PlainSearch {
    case general, absent, at(Int)
}
