/// Connection strings are never printed with their password.
enum ConnectionString {
    static func redacted(_ conninfo: String) -> String {
        if conninfo.isEmpty { return "(libpq defaults / PG* environment)" }
        var text = conninfo
        // URI form: postgresql://user:secret@host/db
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
            let credentials = text[scheme.upperBound..<at]
            if let colon = credentials.firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        // key=value form: password=secret or password='se cret'
        if let range = text.range(of: "password=") {
            var end = range.upperBound
            if end < text.endIndex, text[end] == "'" {
                end = text[text.index(after: end)...].firstIndex(of: "'").map { text.index(after: $0) } ?? text.endIndex
            } else {
                end = text[end...].firstIndex(of: " ") ?? text.endIndex
            }
            text.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return text
    }
}
