/// The Windows-1252 code page: the legacy encoding copied text most often arrives in when it is not UTF-8,
/// and what HTML numeric references 0x80...0x9F mean. Its five holes give U+FFFD, which the cleaner drops.
package enum Windows1252 {
    package static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        SingleByteCodePage.windows1252.scalar(byte)
    }
}
