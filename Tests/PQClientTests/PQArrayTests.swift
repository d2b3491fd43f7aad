@testable import PQClient
import Testing
import TestSupport

@Suite struct PQArrayTests {
    @Test func anArrayLiteralReachesTheServerElementForElement() throws {
        let connection = try PQConnection(try TestPostgres.freshDatabase())
        let elements: [String?] = ["plain", "say \"cheese\"", "back\\slash", "\\\"", "\"", "\\", "", nil, "NULL",
                                   "comma, {brace}", "“Kyiv” — 東京 \u{1F4F0}", "tab\tnew\nline",
                                   String(repeating: "a \"quoted\" \\ run ", count: 2_000)]
        let result = try connection.execute(
            "SELECT u, u IS NULL FROM unnest($1::text[]) WITH ORDINALITY AS t (u, n) ORDER BY n", [PQArray.literal(elements)])
        #expect(result.rowCount == elements.count)
        for (row, expected) in elements.enumerated() {
            #expect(try result.string(row, 0) == expected)
            #expect(try result.string(row, 1) == (expected == nil ? "t" : "f"))
        }
        #expect(PQArray.parse(PQArray.literal(elements)) == elements)
    }
}
