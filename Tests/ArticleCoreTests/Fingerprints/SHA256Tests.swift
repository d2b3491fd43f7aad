import Testing
@testable import ArticleCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func matchesTheNISTVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func hashesOneMillionAs() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingInOddChunksGivesTheOneShotDigest() {
        let data = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var context = SHA256.Context()
        var offset = 0
        for size in [1, 63, 64, 65, 127, 1000, 3] + Array(repeating: 500, count: 20) where offset < data.count {
            let end = min(data.count, offset + size)
            context.update(data[offset..<end])
            offset = end
        }
        context.update(data[offset...])
        #expect(SHA256.hexString(context.finalize()) == SHA256.hex(data))
    }

    @Test func acceptsNonContiguousCollections() {
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.digest([UInt8]()).count == 32)
    }

    @Test func chunkedAndOneShotHashesOfTenMegabytesAgree() {
        let data = [UInt8]((0..<(10 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var context = SHA256.Context()
        var offset = 0
        while offset < data.count {
            let end = min(offset + 65_521, data.count)
            context.update(data[offset..<end])
            offset = end
        }
        #expect(context.finalize() == SHA256.digest(data))
    }
}
