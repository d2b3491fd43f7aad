import ArticleCore
import Foundation

/// `articled-eval --line-features FILE...`: every line of each copied-text file with the vector the body
/// model sees, one tab-separated row per line (page name, line number, features, text), for
/// `scripts/train-body-model.py`. A header row names the features.
enum LineFeatureDump {
    static func run(_ paths: [String]) -> Int32 {
        FeatureDump.run(paths, header: "page\tline\t" + BodyModel.featureNames.joined(separator: ",") + "\ttext") { page, text in
            BodyModel.featureRows(text: text).enumerated().map { n, row in
                "\(page)\t\(n)\t\(FeatureDump.values(row.features))\t\(row.line.replacingOccurrences(of: "\t", with: " "))"
            }
        }
    }
}
