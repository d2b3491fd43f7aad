// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "articled",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "articled", targets: ["articled"]),
        .executable(name: "articled-eval", targets: ["articled-eval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C glue only: the libpq headers and the link flag. Only PQClient imports it.
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
