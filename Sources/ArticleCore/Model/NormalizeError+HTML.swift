extension NormalizeError {
    /// An HTML page whose every block is chrome: a section front, a search or login page, a consent wall.
    static func noArticleInHTML(linkOnlyLines: Int) -> Self {
        if linkOnlyLines > 0 {
            return .noArticle(
                "the HTML page has no article text, only links (\(linkOnlyLines) menus, lists or teasers); "
                    + "save the article's own page, not a section front or search results")
        }
        return .noArticle(
            "the HTML page has no article text outside menus, scripts and page chrome; "
                + "save the article's own page, not a front, login or consent page")
    }
}
