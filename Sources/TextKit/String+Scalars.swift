extension String {
    /// The string of `scalars`, encoded straight into the string's storage. `UnicodeScalarView.append`
    /// re-checks and grows the string per scalar, which made token building a seventh of a normalization.
    package init(scalars: ArraySlice<Unicode.Scalar>) {
        var utf8Count = 0
        for scalar in scalars { utf8Count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: utf8Count) { buffer in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[n] = UInt8(v)
                    n += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[n] = byte
                        n += 1
                    }
                }
            }
            return n
        }
    }

    /// `hasSuffix(suffix)` for a suffix with no canonical equivalents but itself ("’s", "'s"): the bytes
    /// must then end the same way, so a byte compare rejects almost every word before the Character compare.
    package func hasSuffixChecked(_ suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        var copy = self
        let bytesMatch = copy.withUTF8 { bytes in
            guard bytes.count >= tail.count else { return false }
            let start = bytes.count - tail.count
            for k in 0..<tail.count where bytes[start + k] != tail[k] { return false }
            return true
        }
        return bytesMatch && hasSuffix(suffix.description)
    }
}
