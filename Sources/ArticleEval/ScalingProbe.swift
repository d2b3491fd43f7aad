import ArticleCore
import Dispatch

/// `articled-eval --scaling`: the normalizer's time on 100 KB, 1 MB and 10 MB inputs, as prose paragraphs
/// and as one single line. Linear time shows as a flat MB/s column; a quadratic step would fall by 10× per row.
struct ScalingProbe {
    static let sentence = "The council said on Tuesday that the \u{201C}new bridge\u{201D} would open in spring, "
        + "although engineers \u{2014} and several residents \u{2014} doubted the schedule. "

    static func input(bytes: Int, singleLine: Bool) -> [UInt8] {
        var text = "A headline for a very long document\n\n"
        var paragraph = 0
        while text.utf8.count < bytes {
            paragraph += 1
            text += "Paragraph \(paragraph) opens here. " + sentence + sentence + (singleLine ? " " : "\n\n")
        }
        return Array(text.utf8)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now()
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func table() -> String {
        var lines = ["input                      size      time     MB/s"]
        for singleLine in [false, true] {
            for size in [100_000, 1_000_000, 10_000_000] {
                let bytes = input(bytes: size, singleLine: singleLine)
                var words = 0
                let time = seconds {
                    if case let .success(article)? = Normalizer().normalize(bytes, sourcePath: "probe.txt").first {
                        words = article.wordCount
                    }
                }
                let label = (singleLine ? "one line" : "paragraphs") + " (\(words) words)"
                lines.append(label.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: "%8.1f MB %7.3f s %8.2f", Double(bytes.count) / 1e6, time, Double(bytes.count) / 1e6 / time))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
