// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Ampwise",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ampwise", targets: ["ampwise"]),
        // For the fuzzing package in Fuzz/, which links the parsers it exercises.
        .library(name: "Central", targets: ["Central"]),
        .library(name: "Rules", targets: ["Rules"]),
        .library(name: "App", targets: ["App"]),
    ],
    targets: [
        // C shims for what Glibc does not export to Swift (epoll, eventfd, timerfd, accept4).
        .target(name: "CLinux"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "Central", dependencies: ["CLinux", "COpenSSL"], swiftSettings: strictSettings),
        .target(name: "Rules", swiftSettings: strictSettings),
        .target(
            name: "Scheduler", dependencies: ["Central", "Rules", "CSQLite"], swiftSettings: strictSettings),
        .target(name: "App", dependencies: ["CLinux", "Central", "Rules", "Scheduler"], swiftSettings: strictSettings),
        .executableTarget(name: "ampwise", dependencies: ["App", "Central"], swiftSettings: strictSettings),
        .executableTarget(
            name: "RulesBenchmark", dependencies: ["Rules"], path: "Benchmarks/RulesBenchmark",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "StoreBenchmark", dependencies: ["Scheduler"], path: "Benchmarks/StoreBenchmark",
            swiftSettings: strictSettings),

        .target(
            name: "TestSupport", dependencies: ["Central", "COpenSSL"], path: "Tests/Support",
            swiftSettings: strictSettings),
        .testTarget(
            name: "CentralTests", dependencies: ["Central", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "RulesTests", dependencies: ["Rules"], swiftSettings: strictSettings),
        .testTarget(
            name: "SchedulerTests", dependencies: ["Scheduler", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "AppTests", dependencies: ["App", "TestSupport"], swiftSettings: strictSettings),
    ]
)
