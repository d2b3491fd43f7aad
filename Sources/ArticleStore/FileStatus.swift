/// What became of one file (or NDJSON line): the words `articled.record_article` returns and
/// `article_files.status` stores, and the same words the daemon counts and logs. One enum from SQL to log.
public enum FileStatus: String, Sendable, CaseIterable {
    /// A new body: a new article row.
    case ingested
    /// A known body in another file: one more sighting of an existing article.
    case duplicate
    /// This very file (name and bytes) was recorded before; nothing changed.
    case unchanged
    /// The file (or line) cannot be used; the reason is recorded with it.
    case rejected
    /// Not written this time (the database was busy or away); the file stays in the inbox for a retry.
    /// Never stored: only the daemon uses it.
    case deferred
}
