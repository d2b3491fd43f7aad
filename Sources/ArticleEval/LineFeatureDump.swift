import ArticleCore
import Foundation

/// `articled-eval --line-features FILE...`: every line of each copied-text file with the vector the body
/// model sees, one tab-separated row per line (page name, line number, features, text), for
/// `scripts/train-body-model.py`. A header row names the features.
enum LineFeatureDump {
    static func run(_ paths: [String]) -> Int32 {
        var out = "page\tline\t" + BodyModel.featureNames.joined(separator: ",") + "\ttext\n"
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("articled-eval: cannot read \(path)\n".utf8))
                return 1
            }
            let page = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let text = String(decoding: data, as: UTF8.self)
            for (n, row) in BodyModel.featureRows(text: text).enumerated() {
                let values = row.features.map { String(format: "%.6g", $0) }.joined(separator: ",")
                let line = row.line.replacingOccurrences(of: "\t", with: " ")
                out += "\(page)\t\(n)\t\(values)\t\(line)\n"
            }
            if out.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        return 0
    }
}
