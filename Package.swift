// swift-tools-version:6.0
import PackageDescription

// The targets enforce the layers (docs/architecture.md): a target can only use what it imports,
// and SwiftPM refuses cycles. Lowest first.
let strictSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

func testTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .testTarget(
        name: name, dependencies: dependencies + ["TestSupport", "Logging"], swiftSettings: strictSettings)
}

func layer(_ name: String, _ dependencies: [Target.Dependency] = [], path: String? = nil) -> Target {
    .target(name: name, dependencies: dependencies, path: path, swiftSettings: strictSettings)
}

let package = Package(
    name: "Ampwise",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ampwise", targets: ["ampwise"]),
        // For the fuzzing package in Fuzz/: the parsers of untrusted input, without any I/O, and the
        // rule and plan-inputs readers.
        .library(name: "Parsers", targets: ["HTTP", "WebSocket", "OCPP", "OCPP201", "JSON", "MQTT"]),
        .library(name: "Rules", targets: ["Rules"]),
        .library(name: "App", targets: ["App"]),
    ],
    targets: [
        // C shims for what Glibc does not export to Swift (epoll, eventfd, timerfd, accept4).
        .target(name: "CLinux"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // Foundations: no I/O of their own.
        // Dates and times: the civil calendar, RFC 3339, local time in a zone, weekdays, clock times.
        layer("Chronology"),
        layer("Logging", ["Chronology"]),
        layer("JSON"),
        // Protocols as values: bytes in, values and bytes out, no sockets (what the fuzzers link).
        layer("HTTP", ["JSON"]),
        layer("WebSocket", ["HTTP", "Logging", "COpenSSL"]),
        layer("OCPP", ["JSON", "Chronology"]),
        // MQTT 3.1.1 as values: the packet codec, topic filters, the client session state machine.
        layer("MQTT", ["HTTP"]),
        // OCPP 2.0.1's messages, generated from its schemas (Scripts/generate-ocpp201.py) on OCPP's
        // decoding machinery and RPC framing.
        layer("OCPP201", ["OCPP", "JSON", "Chronology"]),
        // I/O: event loops, sockets, TLS.
        layer("Transport", ["CLinux", "COpenSSL", "Logging"]),
        // HTTP/1.1 requests to other servers (meters, Home Assistant, tariff providers).
        layer("HTTPClient", ["Transport", "HTTP"]),
        // Modbus TCP (MBAP, functions 3 and 4) and SunSpec discovery and models.
        layer("Modbus", ["Transport"]),
        // The MQTT client on the event loops: one broker connection, reconnect with backoff.
        layer("MQTTLink", ["MQTT", "Transport", "Logging"]),
        // Sources: inputs read from meters (HTTP, Modbus TCP, MQTT), read without blocking anything.
        layer("InputSources", ["HTTPClient", "HTTP", "Modbus", "Transport", "JSON", "Logging", "MQTT", "MQTTLink"]),
        // Tariff providers: dynamic prices fetched from aWATTar, ENTSO-E, Octopus, Tibber, Nord Pool or
        // any JSON service (docs/prices.md), refreshed on a schedule.
        layer(
            "Tariffs", ["HTTPClient", "HTTP", "InputSources", "JSON", "Logging", "Chronology", "ChargingModel"]),
        // The OCPP central system: charger connections and sessions.
        layer("Central", ["Transport", "HTTP", "WebSocket", "OCPP", "OCPP201", "JSON", "Logging"]),
        // The vocabulary every layer above the protocol shares: chargers, connectors, statuses,
        // measurands, commands and their outcomes, whatever OCPP version a charger speaks.
        layer("ChargingModel"),
        // The rule language: pure.
        layer("Rules", ["ChargingModel", "Chronology"]),
        // Storage.
        layer("SQLite", ["CSQLite"]),
        layer("Store", ["SQLite", "ChargingModel", "JSON", "Logging", "Chronology"]),
        // Charge point management: every charger message, set-up, transactions, metering.
        layer(
            "ChargePointManagement",
            ["Central", "Transport", "OCPP", "OCPP201", "ChargingModel", "Store", "JSON", "Logging"]),
        // Scheduling: rules to decisions to commands.
        layer("Scheduling", ["Rules", "ChargingModel", "Store", "JSON", "Logging", "Chronology"]),
        // Simulated chargers speaking OCPP 1.6J over real WebSocket: `ampwise demo`, tests, benchmarks.
        layer("ChargerSimulation", ["OCPP", "JSON", "WebSocket"]),
        // The program: configuration, command line, HTTP API, presentation, wiring.
        layer(
            "App",
            [
                "CLinux", "Logging", "Chronology", "JSON", "HTTP", "WebSocket", "OCPP", "Transport",
                "Central", "ChargingModel", "Rules", "Store", "ChargePointManagement", "Scheduling", "HTTPClient",
                "Modbus", "InputSources", "ChargerSimulation", "MQTT", "MQTTLink", "Tariffs", "OCPP201",
            ]),
        .executableTarget(name: "ampwise", dependencies: ["App", "Logging"], swiftSettings: strictSettings),

        .executableTarget(
            name: "RulesBenchmark", dependencies: ["Rules", "ChargingModel"], path: "Benchmarks/RulesBenchmark",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "StoreBenchmark", dependencies: ["Store", "OCPP", "JSON"], path: "Benchmarks/StoreBenchmark",
            swiftSettings: strictSettings),

        layer(
            "TestSupport",
            [
                "Logging", "JSON", "HTTP", "WebSocket", "OCPP", "Transport", "Central", "ChargingModel", "Scheduling",
                "COpenSSL",
            ],
            path: "Tests/Support"),
        testTarget("ChronologyTests", ["Chronology"]),
        testTarget("LoggingTests", []),
        testTarget("JSONTests", ["JSON"]),
        testTarget("HTTPTests", ["HTTP"]),
        testTarget("WebSocketTests", ["WebSocket", "HTTP", "Transport"]),
        testTarget("OCPPTests", ["OCPP", "JSON"]),
        testTarget("MQTTTests", ["MQTT"]),
        testTarget("MQTTLinkTests", ["MQTTLink", "MQTT", "Transport"]),
        testTarget("OCPP201Tests", ["OCPP201", "OCPP", "JSON"]),
        testTarget("TransportTests", ["Transport", "COpenSSL"]),
        testTarget("HTTPClientTests", ["HTTPClient", "HTTP", "Transport"]),
        testTarget("ModbusTests", ["Modbus", "Transport"]),
        testTarget(
            "InputSourcesTests", ["InputSources", "HTTPClient", "HTTP", "Modbus", "Transport", "JSON", "MQTT"]),
        testTarget(
            "TariffsTests",
            ["Tariffs", "HTTPClient", "HTTP", "InputSources", "Transport", "JSON", "ChargingModel", "Chronology"]),
        testTarget("CentralTests", ["Central", "Transport", "WebSocket", "OCPP", "OCPP201", "JSON"]),
        testTarget("RulesTests", ["Rules", "ChargingModel", "Chronology"]),
        testTarget("SQLiteTests", ["SQLite", "CSQLite"]),
        testTarget("StoreTests", ["Store", "SQLite", "ChargingModel", "JSON"]),
        testTarget(
            "ChargePointManagementTests",
            [
                "ChargePointManagement", "ChargingModel", "Store", "SQLite", "Central", "OCPP", "OCPP201", "JSON",
                "Transport",
            ]),
        testTarget(
            "SchedulingTests",
            [
                "Scheduling", "ChargingModel", "ChargePointManagement", "Store", "Rules", "Central", "OCPP", "JSON",
                "Chronology",
            ]),
        testTarget("ChargerSimulationTests", ["ChargerSimulation"]),
        testTarget(
            "AppTests",
            [
                "App", "Scheduling", "ChargePointManagement", "ChargingModel", "Store", "Rules", "Central", "Transport",
                "OCPP", "HTTP", "JSON", "Chronology", "InputSources", "HTTPClient", "Modbus", "ChargerSimulation",
                "MQTT", "MQTTLink", "Tariffs", "OCPP201",
            ]),
    ]
)
