import ArticleCore
import ArticleStore
import InboxWatcher
import Ingest
import Testing
import TestSupport

@Suite struct FileProcessorTests {
    @Test func theClaimCarriesThePathTheNameTheHashAndTheBytesRead() {
        let bytes = Array("Just a line".utf8)
        let file = FileProcessor().prepare(bytes: bytes, relativePath: "reuters/a.txt", claimedAt: 42)
        #expect(file.claim.path == "reuters/a.txt")
        #expect(file.claim.identity.fileName == "a.txt")
        #expect(file.claim.identity.size == Int64(bytes.count))
        #expect(file.claim.identity.sha256 == SHA256.hex(bytes))
        #expect(file.claim.claimedAt == 42)
    }

    @Test(arguments: ["feed.ndjson", "feed.JSONL"])
    func everyLineOfALineDelimitedFileIsItsOwnNumberedItem(name: String) {
        let text = """
            {"title": "First", "text": "One paragraph of text that says something about a town council meeting."}
            this line is not json
            {"title": "Third", "text": "Another paragraph of text about a different meeting of the same council."}
            """
        let file = FileProcessor().prepare(bytes: Array(text.utf8), relativePath: name)
        #expect(file.items.map(\.line) == [1, 2, 3])
        if case .success = file.items[1].result { Issue.record("line 2 is not JSON and must fail") }
        #expect(InputFormat.isLineDelimited(name))
    }

    @Test func aWholeFileFormatHasNoLineNumbers() {
        let file = FileProcessor().prepare(bytes: Array("{\"title\": \"T\", \"text\": \"Body text.\"}".utf8), relativePath: "one.json")
        #expect(file.items.allSatisfy { $0.line == 0 })
        #expect(!InputFormat.isLineDelimited("one.json"))
    }

    @Test func anUnusableFileIsOneRejectionWithItsReason() {
        let file = FileProcessor().prepare(bytes: [], relativePath: "empty.txt")
        #expect(file.items.isEmpty)
        #expect(file.rejectionReason != nil)
    }

    @Test func aClaimNamesTheFolderItsFileWasReadFromSoTwoFilesOfTheSameNameStayApart() throws {
        let root = try TemporaryDirectory()
        try root.write("a/x.txt", "")
        try root.write("b/x.txt", "Just a line")
        let folders = [root.url("a"), root.url("b"), root.url("c")]
        let files = FileProcessor().readAll(folders.map { (InboxFiles(layout: InboxLayout(inbox: $0)), "x.txt") },
                                            maxBytes: 1 << 20, workers: 2, dropVanished: false)
        #expect(files.map(\.claim.fullPath) == folders.map { $0 + "/x.txt" })
        #expect(files.map(\.claim.path) == ["x.txt", "x.txt", "x.txt"])
        #expect(files[0].claim.identity.size == 0 && files[1].claim.identity.size == 11)
        // Even a file that vanished before it was read is reported under its own folder.
        #expect(files[2].fileError != nil)
    }

    @Test(arguments: [1, 2, 7])
    func parallelMapKeepsTheOrderWithAnyNumberOfWorkers(workers: Int) {
        #expect(parallelMap(50, workers: workers) { $0 * $0 } == (0..<50).map { $0 * $0 })
    }
}
