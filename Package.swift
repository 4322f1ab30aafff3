// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tally",
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "TallyCore", targets: ["TallyCore"]),
    ],
    targets: [
        // The engine: language, store, loader, executor, renderers. No terminal, no resources.
        .target(name: "TallyCore"),
        // The bundled UNHCR datasets, their manifest, and the code that finds them at run time.
        .target(
            name: "TallyData",
            dependencies: ["TallyCore"],
            resources: [.copy("Resources")]
        ),
        // GNU readline, reached as a system library (Debian: libreadline-dev).
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // libpq, PostgreSQL's client library, reached as a system library (Debian: libpq-dev).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Runs queries on a PostgreSQL server (`--engine postgres`): copies datasets, runs the translated SQL.
        .target(name: "TallyPostgres", dependencies: ["TallyCore", "CLibPQ"]),
        // The command-line front end: arguments, scripts, the interactive prompt.
        .executableTarget(
            name: "tally",
            dependencies: ["TallyCore", "TallyData", "TallyPostgres", "CReadline"]
        ),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore", "TallyData", "TallyPostgres"]),
        .testTarget(name: "TallyCLITests", dependencies: ["TallyCore"]),
    ]
)
