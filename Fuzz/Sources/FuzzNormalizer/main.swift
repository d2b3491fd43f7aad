import ArticleCore

/// The extension the first byte picks, so one corpus reaches every reader.
private let extensions = ["txt", "md", "json", "ndjson", "html"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let ext = extensions[Int(data[0]) % extensions.count]
    for result in Normalizer().normalize(bytes, sourcePath: "inbox/fuzz/article.\(ext)", publisherHint: "fuzz") {
        // Touch the outputs the store writes, so their lazily computed parts run too.
        if case .success(let article) = result {
            _ = ArticleJSON.encode(article)
            _ = article.nearDuplicateSignature
        }
    }
    return 0
}
