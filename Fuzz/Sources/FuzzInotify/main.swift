import InboxWatcher

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInotify(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let events = InotifyEventParser.parse(UnsafeRawBufferPointer(start: data, count: size))
    // Every record is at least a header, so more events than headers would mean reads past the buffer.
    precondition(events.count <= size / InotifyEventParser.headerSize, "more events than the buffer can hold")
    return 0
}
