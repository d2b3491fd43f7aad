// Build-time tool: `EmbedSQL OUTPUT.swift INPUT.sql...` writes one Swift file holding every
// migration as a string constant, ordered by file name (`0001_initial.sql`, `0002_…`).
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedSQL OUTPUT.swift INPUT.sql...\n".utf8))
    exit(2)
}
let inputs = arguments.dropFirst().sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }

var swift = "// Generated from Sources/ArticleStore/Migrations at build time. Do not edit.\n\n"
swift += "extension Migration {\n    public static let embedded: [Migration] = [\n"
for path in inputs {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard let number = Int(name.prefix { $0.isNumber }), name.contains("_") else {
        FileHandle.standardError.write(Data("EmbedSQL: \(path): migration files are named NNNN_description.sql\n".utf8))
        exit(1)
    }
    let sql = try String(contentsOfFile: path, encoding: .utf8)
    // A raw string literal with enough #s that no sequence in the SQL can close it.
    var hashes = "#"
    while sql.contains("\"" + hashes) { hashes += "#" }
    swift += "        Migration(version: \(number), name: \"\(name)\", sql: \(hashes)\"\"\"\n\(sql)\n\"\"\"\(hashes)),\n"
}
swift += "    ]\n}\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
