// swift-tools-version:6.0
// libFuzzer entry points for Ampwise's parsers of untrusted input and of the files users write.
// A package of its own so the main build never links them; README.md here has the commands.
import PackageDescription

let fuzzSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "AmpwiseFuzz",
    dependencies: [.package(name: "Ampwise", path: "..")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzHTTPRequestParser",
            dependencies: ["FuzzSupport", .product(name: "Parsers", package: "Ampwise")],
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzWebSocketConnection",
            dependencies: ["FuzzSupport", .product(name: "Parsers", package: "Ampwise")],
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzOCPPMessage", dependencies: ["FuzzSupport", .product(name: "Parsers", package: "Ampwise")],
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzOCPP201Message", dependencies: ["FuzzSupport", .product(name: "Parsers", package: "Ampwise")],
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzMQTTPacketDecoder",
            dependencies: ["FuzzSupport", .product(name: "Parsers", package: "Ampwise")],
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzRuleParser", dependencies: ["FuzzSupport", .product(name: "Rules", package: "Ampwise")],
            swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzPlanInputs",
            dependencies: [
                "FuzzSupport", .product(name: "App", package: "Ampwise"),
                .product(name: "Parsers", package: "Ampwise"),
            ],
            swiftSettings: fuzzSettings),
    ]
)
