import Foundation

/// The loop the `--line-features`, `--title-candidates` and `--html-blocks` dumps share: read each file,
/// name its page after the file, write the header and then the rows `rows` makes from each page, flushing
/// stdout every megabyte so a dump of the whole corpus stays small in memory.
enum FeatureDump {
    static func run(_ paths: [String], header: String, rows: (_ page: String, _ text: String) -> [String]) -> Int32 {
        var out = header + "\n"
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("articled-eval: cannot read \(path)\n".utf8))
                return 1
            }
            let page = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            for row in rows(page, String(decoding: data, as: UTF8.self)) { out += row + "\n" }
            if out.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        return 0
    }

    /// A feature vector as the dumps print it.
    static func values(_ features: [Double]) -> String {
        features.map { String(format: "%.6g", $0) }.joined(separator: ",")
    }
}
