import Glibc

/// Decodes what `read(2)` returned from an inotify descriptor.
///
/// Pure over bytes so it can be tested on synthetic buffers. The header is read with `loadUnaligned`
/// field by field and memory is never bound to `inotify_event`: its flexible `name[]` is not imported,
/// and the kernel only guarantees 4-byte alignment of records.
public enum InotifyEventParser {
    /// `sizeof(struct inotify_event)`: wd, mask, cookie, len.
    public static let headerSize = 16

    /// Every complete record in `bytes`. A truncated trailing record (header or name cut short) is
    /// dropped; the kernel never splits a record, so that only happens with a corrupt or partial buffer.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> [RawInotifyEvent] {
        var events: [RawInotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard length <= bytes.count - nameStart else { break }
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<(nameStart + length)])
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            events.append(RawInotifyEvent(wd: wd, mask: mask, cookie: cookie, name: name))
            offset = nameStart + length
        }
        return events
    }

    public static func parse(_ bytes: [UInt8]) -> [RawInotifyEvent] {
        bytes.withUnsafeBytes { parse($0) }
    }
}
