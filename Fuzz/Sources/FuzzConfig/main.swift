import Ingest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // A bad file must come back as a ConfigError naming its line, never as a trap.
    guard let entries = try? ConfigParser(fileName: "fuzz.toml").parse(text) else { return 0 }
    var config = ArticledConfig()
    _ = try? config.apply(entries, file: "fuzz.toml")
    return 0
}
