// `@testable` because the decoder and the charset prescan are `package` API of the modules that own them.
@testable import HTMLKit
@testable import TextKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let declared = HTMLCharsetSniffer.declaredEncoding(bytes)
    for (hint, cyrillic) in [(declared, true), (nil, true), (nil, false)] {
        if case .success(let text) = TextDecoder.decode(bytes, declared: hint, guessesCyrillic: cyrillic) {
            // What comes out must be valid UTF-8 that Swift's own decoder leaves as it is.
            precondition(String(validating: Array(text.utf8), as: UTF8.self) != nil, "decoder produced invalid UTF-8")
        }
    }
    return 0
}
