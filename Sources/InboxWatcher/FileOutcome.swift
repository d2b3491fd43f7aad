/// What a file operation did. `.gone` is an expected race, not an error: with two daemons sharing one
/// inbox, the other one may have taken the file first.
public enum FileOutcome: Sendable, Equatable {
    /// Moved; the path is relative to the destination folder (`processed/` or `rejected/`).
    case moved(to: String)
    case deleted
    case kept
    case gone

    /// The destination path relative to `processed/` or `rejected/`, if the file was moved.
    public var destination: String? {
        if case .moved(let path) = self { return path }
        return nil
    }
}
