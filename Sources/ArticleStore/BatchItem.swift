import ArticleCore

/// One item of a batch for `ArticleStore.recordBatch`: an article a file (or NDJSON line) carries, or the
/// rejection of a file or line.
public enum BatchItem {
    /// `signature` is `article.nearDuplicateSignature`, when the caller has it already. With `learnLines`,
    /// the article's body lines count towards its publisher's learned boilerplate if it starts a story.
    case article(Article, signature: NearDuplicateSignature?, file: FileIdentity, line: Int, learnLines: Bool)
    case rejection(file: FileIdentity, line: Int, reason: String)
}
