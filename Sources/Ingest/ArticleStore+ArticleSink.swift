import ArticleStore

extension ArticleStore: ArticleSink {
    public func write(_ batch: [PreparedFile], shouldAbandon: @escaping @Sendable () -> Bool) throws -> [FileReport] {
        try BatchWriter(shouldAbandon: shouldAbandon).write(batch, to: self)
    }

    public var isConnected: Bool { connection.isOpen }
}
