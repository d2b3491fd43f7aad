/// A batch given up on before its commit (the daemon is stopping and the grace period is over).
/// Nothing of it was committed, so its files stay in the inbox for the next run.
public struct BatchAbandoned: Error, CustomStringConvertible {
    public let files: Int

    public var description: String { "batch of \(files) file(s) abandoned before its commit; the files stay in the inbox" }
}
