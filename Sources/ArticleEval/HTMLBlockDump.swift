import ArticleCore
import Foundation

/// `articled-eval --html-blocks FILE...`: every text block of each HTML page's body with the vector the
/// block model sees, one tab-separated row per block (page name, block number, features, class and id
/// words, text), for `scripts/train-html-model.py`. A header row names the features.
enum HTMLBlockDump {
    static func run(_ paths: [String]) -> Int32 {
        FeatureDump.run(paths, header: "page\tblock\t" + HTMLBlockModel.featureNames.joined(separator: ",") + "\ttokens\ttext") { page, text in
            HTMLBlockModel.featureRows(html: text).enumerated().map { n, row in
                let text = row.text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                return "\(page)\t\(n)\t\(FeatureDump.values(row.features))\t\(row.tokens.joined(separator: " "))\t\(text)"
            }
        }
    }
}
