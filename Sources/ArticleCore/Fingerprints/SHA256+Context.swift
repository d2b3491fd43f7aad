extension SHA256 {
    /// Incremental hashing, so a caller can hash a large file chunk by chunk without holding it whole.
    public struct Context: Sendable {
        private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
        )
        private var pending: [UInt8] = []
        private var totalBytes: UInt64 = 0

        public init() {
            pending.reserveCapacity(64)
        }

        public mutating func update(_ bytes: some Collection<UInt8>) {
            let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
            if done == nil {
                Array(bytes).withUnsafeBytes { update(buffer: $0) }
            }
        }

        public mutating func update(buffer: UnsafeRawBufferPointer) {
            guard !buffer.isEmpty else { return }
            totalBytes &+= UInt64(buffer.count)
            var offset = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, buffer.count)
                pending.append(contentsOf: buffer[0..<take])
                offset = take
                if pending.count == 64 {
                    let block = pending
                    block.withUnsafeBytes { compress(blocks: $0) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            let wholeEnd = offset + (buffer.count - offset) / 64 * 64
            if wholeEnd > offset {
                compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[offset..<wholeEnd]))
            }
            if wholeEnd < buffer.count {
                pending.append(contentsOf: buffer[wholeEnd...])
            }
        }

        /// The digest of everything passed to `update`; the context should not be used afterwards.
        public mutating func finalize() -> [UInt8] {
            let bitLength = totalBytes &* 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBytes { compress(blocks: $0) }
            pending.removeAll()
            var out = [UInt8]()
            out.reserveCapacity(32)
            for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
                out.append(UInt8(truncatingIfNeeded: word >> 24))
                out.append(UInt8(truncatingIfNeeded: word >> 16))
                out.append(UInt8(truncatingIfNeeded: word >> 8))
                out.append(UInt8(truncatingIfNeeded: word))
            }
            return out
        }

        @inline(__always)
        private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

        private mutating func compress(blocks: UnsafeRawBufferPointer) {
            var (h0, h1, h2, h3, h4, h5, h6, h7) = state
            SHA256.roundConstants.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    var base = 0
                    while base + 64 <= blocks.count {
                        for i in 0..<16 {
                            let p = base + i * 4
                            w[i] = UInt32(blocks[p]) << 24 | UInt32(blocks[p + 1]) << 16
                                | UInt32(blocks[p + 2]) << 8 | UInt32(blocks[p + 3])
                        }
                        for i in 16..<64 {
                            let a = w[i - 15], b = w[i - 2]
                            let s0 = Self.rotr(a, 7) ^ Self.rotr(a, 18) ^ (a >> 3)
                            let s1 = Self.rotr(b, 17) ^ Self.rotr(b, 19) ^ (b >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                        for i in 0..<64 {
                            let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                            let ch = (e & f) ^ (~e & g)
                            let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                            let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                            let maj = (a & b) ^ (a & c) ^ (b & c)
                            let t2 = s0 &+ maj
                            h = g; g = f; f = e; e = d &+ t1
                            d = c; c = b; b = a; a = t1 &+ t2
                        }
                        h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
                        h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ h
                        base += 64
                    }
                }
            }
            state = (h0, h1, h2, h3, h4, h5, h6, h7)
        }
    }
}
