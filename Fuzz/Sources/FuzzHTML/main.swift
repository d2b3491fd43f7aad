// `@testable` because the HTML reader's types are `package` or internal to the modules that own them
// (`HTMLKit` for the tree, `ArticleCore` for the page reader). The build passes `-enable-testing`.
@testable import ArticleCore
@testable import HTMLKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The tree on raw bytes (as the charset sniff sees them), then the whole page reader on decoded text.
    let doc = HTMLDocument(bytes: bytes)
    if !doc.nodes.isEmpty { _ = doc.textContent(0) }
    let page = HTMLPage(html: String(decoding: bytes, as: UTF8.self))
    _ = page.text.utf8.count + page.captions.count + page.articleLines
    return 0
}
