import CCrypto

extension SHA256 {
    /// Incremental hashing, so a caller can hash a large file chunk by chunk without holding it whole.
    /// A value: copying it forks the hash state, as with the C struct it wraps.
    public struct Context: @unchecked Sendable {
        // SHA256_CTX holds only integers and a byte block; nothing in it points anywhere.
        private var state = SHA256_CTX()

        public init() {
            SHA256_Init(&state)
        }

        public mutating func update(_ bytes: some Collection<UInt8>) {
            let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
            if done == nil {
                Array(bytes).withUnsafeBytes { update(buffer: $0) }
            }
        }

        public mutating func update(buffer: UnsafeRawBufferPointer) {
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            SHA256_Update(&state, base, buffer.count)
        }

        /// The digest of everything passed to `update`; the context should not be used afterwards.
        public mutating func finalize() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
            SHA256_Final(&out, &state)
            return out
        }
    }
}
