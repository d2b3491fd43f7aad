// swift-tools-version:5.4
// libFuzzer targets for articled's parsers. A package of its own so that `-sanitize=fuzzer,address`
// never reaches the product build; `scripts/fuzz.sh` (`make fuzz`) builds it into `.build-fuzz/`.
// Tools 5.4 on purpose: from 5.5 on SwiftPM renames an executable's entry point to `<Target>_main`, which a
// `-parse-as-library` fuzz target does not have; libFuzzer brings its own `main`.
import PackageDescription

// Only the fuzz targets are parsed as libraries and linked with libFuzzer (whose `main` drives them). The rest
// of the build gets ASan and libFuzzer's coverage from `scripts/fuzz.sh` through `-Xswiftc`, which also reaches
// the migrations plugin's tool: a top-level script that `-parse-as-library` breaks and libFuzzer's `main` clashes with.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "articled-fuzz",
    platforms: [.macOS(.v11)],
    dependencies: [.package(name: "articled", path: "..")],
    targets: [
        // The normalizer on every format: the first input byte picks the file extension.
        .executableTarget(name: "FuzzNormalizer", dependencies: [.product(name: "ArticleCore", package: "articled")], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        // The HTML reader: tokenizer, tree builder, entities, content finder and text emitter.
        .executableTarget(name: "FuzzHTML", dependencies: [.product(name: "ArticleCore", package: "articled"), .product(name: "HTMLKit", package: "articled")], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        // The text decoder and the HTML charset prescan.
        .executableTarget(name: "FuzzTextDecoder", dependencies: [.product(name: "TextKit", package: "articled"), .product(name: "HTMLKit", package: "articled")], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        // What read(2) returns from an inotify descriptor.
        .executableTarget(name: "FuzzInotify", dependencies: [.product(name: "InboxWatcher", package: "articled")], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        // The config file parser and the settings built from it.
        .executableTarget(name: "FuzzConfig", dependencies: [.product(name: "Ingest", package: "articled")], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
    ]
)
