import ArticleCore
import Foundation

/// `articled-eval --title-candidates FILE...`: every headline candidate the layout weighs in each
/// copied-text file, with the vector the title model sees, one tab-separated row per candidate (page name,
/// line number, features, text), for `scripts/train-title-model.py`. A header row names the features.
enum TitleCandidateDump {
    static func run(_ paths: [String]) -> Int32 {
        FeatureDump.run(paths, header: "page\tline\t" + TitleModel.featureNames.joined(separator: ",") + "\ttext") { page, text in
            TitleModel.candidateRows(text: text).map { row in
                "\(page)\t\(row.line)\t\(FeatureDump.values(row.features))\t\(row.text.replacingOccurrences(of: "\t", with: " "))"
            }
        }
    }
}
