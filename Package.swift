// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "articled",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "articled", targets: ["articled"]),
        .executable(name: "articled-eval", targets: ["articled-eval"]),
        // For the libFuzzer package in Fuzz/, which builds these modules with the fuzzer and ASan.
        .library(name: "ArticleCore", targets: ["ArticleCore"]),
        .library(name: "InboxWatcher", targets: ["InboxWatcher"]),
        .library(name: "Ingest", targets: ["Ingest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C glue only: the libpq headers and the link flag. Only ArticleStore imports it.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // Pure domain: bytes in, normalized article out. Depends on nothing of ours.
        .target(name: "ArticleCore"),
        // inotify + DispatchSource watcher, backlog scanning, file disposition.
        .target(
            name: "InboxWatcher",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        // libpq wrapper, migrations, batched upserts.
        .target(
            name: "ArticleStore",
            dependencies: [
                "CLibPQ", "ArticleCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Migrations"],
            plugins: ["EmbedMigrations"]
        ),
        // The pipeline: watcher -> normalizer -> store, moves after COMMIT.
        .target(
            name: "Ingest",
            dependencies: [
                "ArticleCore", "ArticleStore", "InboxWatcher",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "articled",
            dependencies: [
                "Ingest", "ArticleCore", "ArticleStore", "InboxWatcher",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Scores the normalizer against the hand-written fixture corpus (`make eval`).
        .executableTarget(name: "articled-eval", dependencies: ["ArticleCore"], path: "Sources/ArticleEval"),
        // Measures drain rate, latency, memory and the COPY ceiling (`make bench`).
        .executableTarget(
            name: "articled-bench",
            dependencies: ["ArticleCore", "ArticleStore", "Ingest"],
            path: "Sources/ArticleBench"
        ),
        // Build-time tool: turns Sources/ArticleStore/Migrations/*.sql into Swift string constants,
        // so the installed binary carries its schema and needs no resource bundle beside it.
        .executableTarget(name: "EmbedSQL"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedSQL"]
        ),

        // Test support: a throwaway PostgreSQL cluster started on demand, and helpers for temp folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ArticleCoreTests", dependencies: ["ArticleCore"]),
        .testTarget(name: "InboxWatcherTests", dependencies: ["InboxWatcher", "TestSupport"]),
        .testTarget(name: "ArticleStoreTests", dependencies: ["ArticleStore", "ArticleCore", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ArticleStore", "InboxWatcher", "ArticleCore", "TestSupport"]),
        .testTarget(name: "articledTests", dependencies: ["TestSupport"]),
    ]
)
