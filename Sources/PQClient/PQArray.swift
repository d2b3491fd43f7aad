/// Text-format PostgreSQL array literals, so a Swift array travels as one parameter (`$1::text[]`).
public enum PQArray {
    /// `{"a","b\"c",NULL}`: every element quoted, backslash and double quote escaped.
    ///
    /// Built on UTF-8 bytes: the escapes are ASCII, so the bytes between them are copied in runs, and the
    /// result is as valid UTF-8 as the elements. (A batch sends each article's line samples and captions
    /// this way; scalar by scalar, it was a tenth of the daemon's CPU in an ingest profile.)
    public static func literal(_ elements: [String?]) -> String {
        var out: [UInt8] = [0x7B]   // {
        out.reserveCapacity(elements.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(0x2C) }   // ,
            guard var element else { out.append(contentsOf: [0x4E, 0x55, 0x4C, 0x4C]); continue }   // NULL
            out.append(0x22)   // "
            element.withUTF8 { bytes in
                var runStart = 0
                for i in 0..<bytes.count where bytes[i] == 0x5C || bytes[i] == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.append(0x5C)
                    runStart = i
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            }
            out.append(0x22)
        }
        out.append(0x7D)   // }
        return String(decoding: out, as: UTF8.self)
    }

    public static func literal(_ elements: [String]) -> String {
        literal(elements.map(Optional.some))
    }

    public static func literal(_ elements: [Int]) -> String {
        "{" + elements.map(String.init).joined(separator: ",") + "}"
    }

    /// Parses a one-dimensional text array as returned by the server (`{a,"b c",NULL}`).
    public static func parse(_ text: String) -> [String?] {
        var result: [String?] = []
        var chars = Array(text.unicodeScalars)
        guard chars.first == "{", chars.last == "}" else { return [] }
        chars = Array(chars.dropFirst().dropLast())
        var index = 0
        while index < chars.count {
            var element = ""
            var quoted = false
            if chars[index] == "\"" {
                quoted = true
                index += 1
                while index < chars.count, chars[index] != "\"" {
                    if chars[index] == "\\", index + 1 < chars.count { index += 1 }
                    element.unicodeScalars.append(chars[index])
                    index += 1
                }
                index += 1
            } else {
                while index < chars.count, chars[index] != "," {
                    element.unicodeScalars.append(chars[index])
                    index += 1
                }
            }
            result.append(!quoted && element == "NULL" ? nil : element)
            index += 1 // the comma
        }
        return result
    }
}
