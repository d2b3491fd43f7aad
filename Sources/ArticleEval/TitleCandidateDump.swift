import ArticleCore
import Foundation

/// `articled-eval --title-candidates FILE...`: every headline candidate the layout weighs in each
/// copied-text file, with the vector the title model sees, one tab-separated row per candidate (page name,
/// line number, features, text), for `scripts/train-title-model.py`. A header row names the features.
enum TitleCandidateDump {
    static func run(_ paths: [String]) -> Int32 {
        var out = "page\tline\t" + TitleModel.featureNames.joined(separator: ",") + "\ttext\n"
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("articled-eval: cannot read \(path)\n".utf8))
                return 1
            }
            let page = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let text = String(decoding: data, as: UTF8.self)
            for row in TitleModel.candidateRows(text: text) {
                let values = row.features.map { String(format: "%.6g", $0) }.joined(separator: ",")
                let line = row.text.replacingOccurrences(of: "\t", with: " ")
                out += "\(page)\t\(row.line)\t\(values)\t\(line)\n"
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
