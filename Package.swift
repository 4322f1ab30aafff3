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
        // The command-line front end: arguments, scripts, the interactive prompt.
        .executableTarget(
            name: "tally",
            dependencies: ["TallyCore", "TallyData", "CReadline"]
        ),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore", "TallyData"]),
        .testTarget(name: "TallyCLITests", dependencies: ["TallyCore"]),
    ]
)
