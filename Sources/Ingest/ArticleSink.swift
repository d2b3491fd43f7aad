/// Where the pipeline writes: one transaction per batch, one report per file. `ArticleStore` is the real sink;
/// tests of the pipeline's batching and outcome logic use one in memory.
public protocol ArticleSink: AnyObject {
    /// Writes `batch` in one transaction. Each report carries the claim of its file. Throws when nothing was
    /// committed; `shouldAbandon` is asked between statements, and once true the batch rolls back.
    func write(_ batch: [PreparedFile], shouldAbandon: @escaping @Sendable () -> Bool) throws -> [FileReport]
    /// False once the connection behind the sink is gone: its errors then mean "the database is away".
    var isConnected: Bool { get }
}
