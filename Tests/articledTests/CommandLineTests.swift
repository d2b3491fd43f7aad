import Foundation
import Testing
import TestSupport

/// The built binary against a real PostgreSQL: what a user typing the README's commands sees.
@Suite struct CommandLineTests {
    let seeds = repositoryRoot() + "/seeds"

    @Test func ingestingTheSeedsTwiceDoublesNothing() throws {
        let db = try TestPostgres.freshDatabase()
        let first = try ArticledBinary.run(["ingest", "--database", db, seeds])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 ingested"))
        let counts = "SELECT (SELECT count(*) FROM articled.articles) || ' ' || (SELECT count(*) FROM articled.article_files) || ' ' || (SELECT count(*) FROM articled.article_captions) || ' ' || (SELECT max(seen_count) FROM articled.articles)"
        #expect(try psqlValue(db, counts) == "2 2 3 1")
        let again = try ArticledBinary.run(["ingest", "--database", db, seeds])
        #expect(again.status == 0)
        #expect(again.stdout.contains("2 unchanged"))
        #expect(try psqlValue(db, counts) == "2 2 3 1")
    }

    @Test func aSeedUnderANewNameIsASecondSighting() throws {
        let db = try TestPostgres.freshDatabase()
        let dir = try TemporaryDirectory()
        let seed = try Data(contentsOf: URL(fileURLWithPath: seeds + "/004_e114b85fb85142ed.txt"))
        try dir.write("004_e114b85fb85142ed.txt", [UInt8](seed))
        #expect(try ArticledBinary.run(["ingest", "--database", db, dir.path]).status == 0)
        try dir.write("copy-of-blinken.txt", [UInt8](seed))
        let second = try ArticledBinary.run(["ingest", "--database", db, dir.url("copy-of-blinken.txt")])
        #expect(second.status == 0)
        #expect(second.stdout.contains("1 duplicate"))
        #expect(try psqlValue(db, "SELECT seen_count FROM articled.articles") == "2")
        #expect(try psqlValue(db, "SELECT string_agg(status, ',' ORDER BY id) FROM articled.article_files") == "ingested,duplicate")
    }

    @Test func parsePrintsOneJSONObjectPerSeed() throws {
        let result = try ArticledBinary.run(["parse", seeds + "/000_089d7966a894fe03.txt", seeds + "/004_e114b85fb85142ed.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["title"] as? String == "Israel sends 2,000 helmets, 500 flak jackets to Ukraine rescue organizations")
        #expect((first?["paragraphs"] as? [String])?.count == 13)
        #expect(first?["publisher"] as? String == "The Times of Israel")
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["kicker"] as? String == "update desk")
        #expect((second?["captions"] as? [[String: Any]])?.count == 1)
        #expect((second?["simhash"] as? String)?.count == 16)
    }

    @Test func badInputsAreRejectedWithTheirOwnMessagesAndExitOne() throws {
        let db = try TestPostgres.freshDatabase()
        let dir = try TemporaryDirectory()
        try dir.write("empty.txt", "")
        try dir.write("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xFF, 0xFE, 0, 0])
        try dir.write("good.txt", try String(contentsOfFile: seeds + "/000_089d7966a894fe03.txt", encoding: .utf8))
        let result = try ArticledBinary.run(["ingest", "--database", db, dir.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.txt"))
        #expect(result.stderr.contains("binary.txt"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try psqlValue(db, "SELECT string_agg(file_name || ':' || status, ',' ORDER BY file_name) FROM articled.article_files")
            == "binary.txt:rejected,empty.txt:rejected,good.txt:ingested")
    }

    @Test func eachRejectedFileIsNamedWithItsOwnReasonEvenUnderTheSameNameInTwoFolders() throws {
        let db = try TestPostgres.freshDatabase()
        let dir = try TemporaryDirectory()
        try dir.write("a/x.json", "{")
        try dir.write("b/x.json", "[]")
        let result = try ArticledBinary.run(["ingest", "--database", db, dir.url("a"), dir.url("b")])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let first = lines.filter { $0.hasPrefix("articled: " + dir.url("a/x.json") + ": ") }
        let second = lines.filter { $0.hasPrefix("articled: " + dir.url("b/x.json") + ": ") }
        #expect(first.count == 1 && second.count == 1, "\(result.stderr)")
        #expect(second.first?.hasSuffix(": the JSON array is empty") == true, "\(result.stderr)")
        #expect(first.first?.contains("the JSON array is empty") == false, "\(result.stderr)")
    }

    @Test func aMissingPathIsAUsageError() throws {
        let result = try ArticledBinary.run(["ingest", "--database", "host=/nonexistent", "/no/such/file.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/no/such/file.txt: no such file or folder"))
    }

    @Test func anUnreachableDatabaseExitsThree() throws {
        let result = try ArticledBinary.run(["status", "--database", "host=/nonexistent-dir port=1 connect_timeout=2"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("articled: database:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aBadConnectionStringExitsTwo() throws {
        let result = try ArticledBinary.run(["migrate", "--database", "this is = not = valid"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid connection string"))
    }

    @Test func ingestReturnsWithItsArticlesAssignedToTheirStories() throws {
        let db = try TestPostgres.freshDatabase()
        let dir = try TemporaryDirectory()
        let seed = try String(contentsOfFile: seeds + "/004_e114b85fb85142ed.txt", encoding: .utf8)
        try dir.write("original.txt", Array(seed.utf8))
        // The same story with a paragraph from its middle cut: a near duplicate, not the same body.
        var paragraphs = seed.components(separatedBy: "\n\n")
        paragraphs.remove(at: paragraphs.count / 2)
        try dir.write("trimmed.txt", Array(paragraphs.joined(separator: "\n\n").utf8))
        let result = try ArticledBinary.run(["ingest", "--database", db, dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 ingested"))
        // Queried right after it exits: nothing waits for the clusterer, the copy joined the original's story.
        #expect(try psqlValue(db, "SELECT count(*) FROM articled.cluster_queue") == "0")
        #expect(try psqlValue(db, "SELECT string_agg(match_kind, ',' ORDER BY id) FROM articled.articles") == "canonical,near_duplicate")
        #expect(try psqlValue(db, "SELECT count(*) || ' ' || max(cluster_size) FROM articled.stories") == "1 2")
        let status = try ArticledBinary.run(["status", "--database", db], environment: ["ARTICLED_INBOX": "/nonexistent-inbox"])
        #expect(status.stdout.contains("cluster pending:  0"))
    }

    @Test func statusReportsCountsAndPublishers() throws {
        let db = try TestPostgres.freshDatabase()
        #expect(try ArticledBinary.run(["migrate", "--database", db]).status == 0)
        #expect(try ArticledBinary.run(["migrate", "--database", db]).stdout.contains("up to date"))
        _ = try ArticledBinary.run(["ingest", "--database", db, seeds])
        let status = try ArticledBinary.run(["status", "--database", db], environment: ["ARTICLED_INBOX": "/nonexistent-inbox"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("articles:         2"))
        #expect(status.stdout.contains("JNS"))
        #expect(status.stdout.contains("The Times of Israel"))
    }

    @Test func unknownConfigKeysNameTheirLine() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write("articled.toml", "[inbox]\npath = \"/tmp/x\"\nbatchsize = 5\n")
        let result = try ArticledBinary.run(["run", "--check-config", "--config", config])
        #expect(result.status == 2)
        #expect(result.stderr.contains("articled.toml:3: inbox.batchsize: unknown key"))
        let typed = try dir.write("typed.toml", "[ingest]\nbatch_size = \"many\"\n")
        let wrong = try ArticledBinary.run(["run", "--check-config", "--config", typed])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("typed.toml:2: ingest.batch_size: expected an integer, found a string"))
    }

    @Test func theShippedConfigFileIsValid() throws {
        let result = try ArticledBinary.run(["run", "--check-config", "--config", repositoryRoot() + "/config/articled.toml"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func publishersFromTheConfigExtendTheTable() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write("articled.toml", """
            [publishers.valley]
            name = "The Valley Courier"
            domains = ["valleycourier.example"]
            signatures = ["Valley Courier Insider"]
            """)
        let page = try String(contentsOfFile: seeds + "/000_089d7966a894fe03.txt", encoding: .utf8)
            .replacingOccurrences(of: "The Times of Israel", with: "the paper")
            .replacingOccurrences(of: "Times of Israel", with: "the paper")
        let inbox = try TemporaryDirectory()
        try inbox.write("valleycourier/a.txt", page)
        let result = try ArticledBinary.run(["parse", "--config", config, inbox.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["publisher"] as? String == "The Valley Courier")
        let bad = try dir.write("bad.toml", "[publishers.valley]\ndomains = \"one\"\n")
        let refused = try ArticledBinary.run(["run", "--check-config", "--config", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.toml:2: publishers.valley.domains: expected an array of strings"))
    }
}
