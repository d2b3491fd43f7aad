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
        .library(name: "TextKit", targets: ["TextKit"]),
        .library(name: "HTMLKit", targets: ["HTMLKit"]),
        .library(name: "InboxWatcher", targets: ["InboxWatcher"]),
        .library(name: "Ingest", targets: ["Ingest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C glue only: the libpq headers and the link flag. Only PQClient imports it.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // C glue only: libcrypto's SHA-256 (Debian's libssl-dev), for content and file hashes.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // C glue only: libcmark (Debian's libcmark-dev), which reads the Markdown of .md files.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Text decoding: BOMs, UTF-16/32, single-byte code pages, mending, folding, byte search. Depends on nothing.
        .target(name: "TextKit"),
        // HTML reading: tokenizer, tree builder, entities, charset sniffing. Depends only on TextKit.
        .target(name: "HTMLKit", dependencies: ["TextKit"]),
        // Pure domain: bytes in, normalized article out. Depends on nothing of ours but the two text targets.
        .target(
            name: "ArticleCore",
            dependencies: ["TextKit", "HTMLKit", "CCmark", "CCrypto", .product(name: "Yams", package: "Yams")]
        ),
        // inotify + DispatchSource watcher, backlog scanning, file disposition.
        .target(
            name: "InboxWatcher",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        // The libpq wrapper: connection, results, errors, cancel, pipeline, COPY. Knows nothing of articles.
        .target(name: "PQClient", dependencies: ["CLibPQ"]),
        // The domain store: migrations, article upserts, status. Reaches libpq only through PQClient.
        .target(
            name: "ArticleStore",
            dependencies: [
                "PQClient", "ArticleCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Migrations"],
            plugins: ["EmbedMigrations"]
        ),
        // The pipeline: watcher -> normalizer -> store, moves after COMMIT; its services and `buildApp`.
        .target(
            name: "Ingest",
            dependencies: [
                "ArticleCore", "ArticleStore", "PQClient", "InboxWatcher",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "articled",
            dependencies: [
                "Ingest", "ArticleCore", "ArticleStore", "PQClient", "InboxWatcher",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Scores the normalizer against the hand-written fixture corpus (`make eval`).
        .executableTarget(name: "articled-eval", dependencies: ["ArticleCore"], path: "Sources/ArticleEval"),
        // Measures drain rate, latency, memory and the COPY ceiling (`make bench`).
        .executableTarget(
            name: "articled-bench",
            dependencies: ["ArticleCore", "ArticleStore", "PQClient", "Ingest"],
            path: "Sources/ArticleBench"
        ),
        // Times the watch walk and the backlog scanner's windows over a big folder (README, "The inbox").
        .executableTarget(name: "articled-walkbench", dependencies: ["InboxWatcher"], path: "Sources/WalkBench"),
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
        .testTarget(name: "TextKitTests", dependencies: ["TextKit"]),
        .testTarget(name: "HTMLKitTests", dependencies: ["HTMLKit", "TextKit"]),
        .testTarget(name: "ArticleCoreTests", dependencies: ["ArticleCore", "TextKit", "HTMLKit"]),
        .testTarget(name: "InboxWatcherTests", dependencies: ["InboxWatcher", "TestSupport"]),
        .testTarget(name: "PQClientTests", dependencies: ["PQClient", "TestSupport"]),
        .testTarget(name: "ArticleStoreTests", dependencies: ["ArticleStore", "PQClient", "ArticleCore", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: [
            "Ingest", "ArticleStore", "PQClient", "InboxWatcher", "ArticleCore", "TestSupport",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "articledTests", dependencies: ["TestSupport"]),
    ]
)
