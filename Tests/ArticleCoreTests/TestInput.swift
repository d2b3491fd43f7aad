import Foundation
import Testing
@testable import ArticleCore

/// Helpers shared by the ArticleCore suites.
enum TestInput {
    /// The repository's `seeds/` folder, found by walking up from this file, so the tests run both in the
    /// main package and in a throwaway package that links the sources.
    static func seedBytes(_ name: String, filePath: String = #filePath) throws -> [UInt8] {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("seeds").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) {
                return [UInt8](try Data(contentsOf: candidate))
            }
            dir = dir.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// The text of every `.txt` and `.md` file of `Tests/Fixtures/corpus` and the seeds, for checks that
    /// a fast path agrees with the general one on real pages.
    static func fixtureTexts(filePath: String = #filePath) throws -> [String] {
        // Suites sit at different depths under Tests/ArticleCoreTests, so look upwards for the corpus.
        var tests = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while tests.path != "/" && !FileManager.default.fileExists(atPath: tests.appendingPathComponent("Fixtures/corpus").path) {
            tests = tests.deletingLastPathComponent()
        }
        var texts: [String] = []
        for folder in [tests.appendingPathComponent("Fixtures/corpus"), tests.deletingLastPathComponent().appendingPathComponent("seeds")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                texts.append(String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
            }
        }
        return texts
    }

    static func results(_ text: String, path: String = "inbox/a.txt", hint: String? = nil,
                        options: NormalizerOptions = .init()) -> [Result<Article, NormalizeError>] {
        Normalizer(options: options).normalize(Array(text.utf8), sourcePath: path, publisherHint: hint)
    }

    static func article(_ text: String, path: String = "inbox/a.txt", hint: String? = nil,
                        options: NormalizerOptions = .init(), sourceLocation: SourceLocation = #_sourceLocation) throws -> Article {
        let results = results(text, path: path, hint: hint, options: options)
        #expect(results.count == 1, sourceLocation: sourceLocation)
        return try results[0].get()
    }

    static func error(_ text: String, path: String = "inbox/a.txt") -> NormalizeError? {
        if case .failure(let e) = results(text, path: path).first { return e }
        return nil
    }

    static func error(bytes: [UInt8], path: String = "inbox/a.txt") -> NormalizeError? {
        if case .failure(let e) = Normalizer().normalize(bytes, sourcePath: path).first { return e }
        return nil
    }

    /// A believable body paragraph; `n` varies the wording so paragraphs differ.
    static func prose(_ n: Int) -> String {
        "Officials in the capital said on Tuesday that talks number \(n) had made progress on several issues, "
            + "including the supply of equipment and the timetable for the next round of meetings."
    }

    static func story(title: String = "Ministers agree to widen the aid programme after long talks", paragraphs: Int = 4) -> String {
        ([title] + (1...paragraphs).map(prose)).joined(separator: "\n\n")
    }
}
