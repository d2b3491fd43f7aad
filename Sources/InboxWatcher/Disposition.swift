/// What happens to a file after its article is committed (contract: move, delete, keep).
public enum Disposition: String, Sendable, Equatable, CaseIterable {
    /// To `processed/`, subfolders preserved, never overwriting.
    case move
    case delete
    /// Leave it in the inbox; the consumer must then remember what it has seen, or rescans re-read it.
    case keep
}
