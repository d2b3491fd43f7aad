import ArticleCore
import Foundation

/// `articled-eval --html-blocks FILE...`: every text block of each HTML page's body with the vector the
/// block model sees, one tab-separated row per block (page name, block number, features, class and id
/// words, text), for `scripts/train-html-model.py`. A header row names the features.
enum HTMLBlockDump {
    static func run(_ paths: [String]) -> Int32 {
        var out = "page\tblock\t" + HTMLBlockModel.featureNames.joined(separator: ",") + "\ttokens\ttext\n"
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("articled-eval: cannot read \(path)\n".utf8))
                return 1
            }
            let page = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let html = String(decoding: data, as: UTF8.self)
            for (n, row) in HTMLBlockModel.featureRows(html: html).enumerated() {
                let values = row.features.map { String(format: "%.6g", $0) }.joined(separator: ",")
                let text = row.text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                out += "\(page)\t\(n)\t\(values)\t\(row.tokens.joined(separator: " "))\t\(text)\n"
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
