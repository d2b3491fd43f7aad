/// The normalizer alone, one thread, bytes already in memory.
struct NormalizerResult {
    var files: Int
    var bytes: Int
    var seconds: Double
    var articles: Int
    var rejected: Int
    var distinctBodies: Int
    var articlesPerSecond: Double { Double(articles + rejected) / seconds }
    var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
}
