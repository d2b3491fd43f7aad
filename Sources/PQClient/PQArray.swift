/// Text-format PostgreSQL array literals, so a Swift array travels as one parameter (`$1::text[]`).
public enum PQArray {
    /// `{"a","b\"c",NULL}`: every element quoted, backslash and double quote escaped.
    public static func literal(_ elements: [String?]) -> String {
        var out = "{"
        out.reserveCapacity(elements.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            guard let element else { out += "NULL"; continue }
            out += "\""
            for scalar in element.unicodeScalars {
                if scalar == "\\" || scalar == "\"" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            out += "\""
        }
        return out + "}"
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
