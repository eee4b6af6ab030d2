// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cegraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cegraph", targets: ["cegraph"]),
        .library(name: "GraphCore", targets: ["GraphCore"]),
        .library(name: "GraphStore", targets: ["GraphStore"]),
        .library(name: "GraphQuery", targets: ["GraphQuery"]),
        .library(name: "GraphRender", targets: ["GraphRender"]),
        .library(name: "SyntheticData", targets: ["SyntheticData"]),
        .library(name: "CaseWorkflow", targets: ["CaseWorkflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The domain: values, rules and normalisation. Foundation only.
        .target(name: "GraphCore"),
        // zlib, for gzip-compressed input (Neo4j CSV exports).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The SQLite store: migrations, import, export, search, audit.
        .target(
            name: "GraphStore",
            dependencies: [
                "GraphCore", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("../../schema"), .copy("../../queries")]
        ),
        // The query engine: an in-memory snapshot and the algorithms over it.
        .target(name: "GraphQuery", dependencies: ["GraphCore", "GraphStore"]),
        // Graphviz's C libraries, rendered in process.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // cairo and Pango, for printed documents (the panel briefing pack as PDF).
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        // Network maps: DOT from a map graph and the styles in render/, audience redaction,
        // in-process layout and rendering; printed documents with their maps (PDF).
        .target(
            name: "GraphRender",
            dependencies: ["GraphCore", "CGraphviz", "CCairo"],
            resources: [.copy("../../render")]
        ),
        // The case workflow: referrals, assessments, MACCSE panels, MARTHR meetings, flags,
        // NRM, alerts, timescales and the quarterly report. Risk frameworks and the
        // child-first language list are data (Resources/), not code.
        .target(
            name: "CaseWorkflow",
            dependencies: ["GraphCore", "GraphStore", "GraphQuery", "GraphRender"],
            resources: [.copy("Resources")]
        ),
        // The web service: JSON API and server-rendered pages (Mustache templates and static
        // files are resources; no CDN, no build step), accounts, roles, need-to-know, audit.
        .target(
            name: "GraphServer",
            dependencies: [
                "GraphCore", "GraphStore", "GraphQuery", "GraphRender", "CaseWorkflow",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("../../docs/openapi.json"), .copy("Templates"), .copy("Static")]
        ),
        // Deterministic synthetic data that looks like the domain.
        .target(name: "SyntheticData", dependencies: ["GraphCore"]),
        // The demo's picture and scripted case work, for `cegraph demo` and the tests.
        .target(name: "DemoData", dependencies: ["GraphCore", "GraphStore", "GraphQuery", "CaseWorkflow", "SyntheticData"]),
        // The command line: thin, parses and calls the libraries.
        .executableTarget(
            name: "cegraph",
            dependencies: [
                "GraphCore", "GraphStore", "GraphQuery", "GraphRender", "CaseWorkflow", "GraphServer", "SyntheticData", "DemoData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The query benchmark: engine timings and the same graph and queries for the peers.
        .executableTarget(
            name: "cegraph-bench",
            dependencies: ["GraphCore", "GraphStore", "GraphQuery", "GraphRender", "CaseWorkflow"],
            path: "Benchmarks/QueryBench"
        ),
        // The tests' process starter (Foundation's Process crashes now and then on Linux:
        // Tests/CSpawn/cspawn.c says why).
        .target(name: "CSpawn", path: "Tests/CSpawn"),
        .target(name: "TestSupport", dependencies: ["CSpawn"], path: "Tests/TestSupport"),
        .testTarget(name: "GraphCoreTests", dependencies: ["GraphCore", "SyntheticData"]),
        .testTarget(
            name: "GraphStoreTests",
            dependencies: ["GraphCore", "GraphStore", "SyntheticData", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["KnownAnswers"]
        ),
        .testTarget(
            name: "GraphQueryTests",
            dependencies: ["GraphCore", "GraphStore", "GraphQuery", "SyntheticData"],
            exclude: ["KnownAnswers"]
        ),
        .testTarget(
            name: "GraphRenderTests",
            dependencies: ["GraphCore", "GraphRender", "GraphStore", "GraphQuery", "TestSupport"],
            exclude: ["Expected"]
        ),
        .testTarget(
            name: "CaseWorkflowTests",
            dependencies: ["GraphCore", "GraphStore", "GraphQuery", "GraphRender", "CaseWorkflow", "SyntheticData", "TestSupport"]
        ),
        .testTarget(
            name: "GraphServerTests",
            dependencies: [
                "GraphCore", "GraphStore", "GraphServer", "CaseWorkflow", "SyntheticData", "DemoData", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // End to end through the built binary; GRDB and GraphCore only to check what the
        // crash suite's killed processes left in the database.
        .testTarget(
            name: "CLITests",
            dependencies: ["cegraph", "GraphCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
