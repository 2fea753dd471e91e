// swift-tools-version: 6.1
import PackageDescription

/// Settings every Swift target of the product shares: Swift 6 mode, strict concurrency,
/// and `any` spelled out for existentials.
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "DossierKiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kioskd", targets: ["kioskd"]),
        .executable(name: "kiosk-hwsim", targets: ["kiosk-hwsim"]),
        .executable(name: "onestop-sim", targets: ["onestop-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System libraries: each is a module map over a Debian -dev package found by pkg-config.
        .systemLibrary(
            name: "CQREncode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CZBar", pkgConfig: "zbar",
            providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(
            name: "CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"])]),
        .systemLibrary(
            name: "CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]),

        // Pure domain: values, state machines, policies. Foundation and hashing only.
        .target(
            name: "KioskDomain",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift),
        // Device-class contracts: status, errors, byte streams, locker banks. Foundation only.
        .target(
            name: "KioskHAL",
            swiftSettings: strictSwift),
        // Pure codecs and rasterisers over the C imaging libraries.
        .target(
            name: "DeviceProtocols",
            dependencies: ["KioskHAL", "CQREncode", "CZBar", "CFreeType"],
            swiftSettings: strictSwift),
        // Linux byte streams and USB enumeration.
        .target(
            name: "DeviceTransports",
            dependencies: ["KioskHAL", "CLibUSB"],
            swiftSettings: strictSwift),
        // One actor per physical device over a ByteStream.
        .target(
            name: "KioskDrivers",
            dependencies: ["KioskHAL", "DeviceProtocols", "DeviceTransports"],
            swiftSettings: strictSwift),
        // Byte-level emulators of the devices, with control APIs and fault plans. Never linked by kioskd.
        .target(
            name: "HardwareSims",
            dependencies: ["KioskHAL", "DeviceProtocols", "DeviceTransports"],
            path: "HardwareSims/Emulators",
            swiftSettings: strictSwift),
        // kiosk-hwsim's library: configuration, PTY hosting and the HTTP control API.
        .target(
            name: "HardwareSimServer",
            dependencies: [
                "HardwareSims", "DeviceTransports", "KioskHAL",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "HardwareSims/Server",
            swiftSettings: strictSwift),
        .executableTarget(
            name: "kiosk-hwsim",
            dependencies: [
                "HardwareSimServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "HardwareSims/kiosk-hwsim",
            swiftSettings: strictSwift),
        // The durable store: GRDB over the system SQLite.
        .target(
            name: "KioskStore",
            dependencies: [
                "KioskDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift),
        // HTTP edge: routes and their DTOs.
        .target(
            name: "KioskWeb",
            dependencies: [
                "KioskDomain", "KioskStore", "KioskHAL",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift),
        // Composition root: configuration, logging, the service group.
        .target(
            name: "KioskApp",
            dependencies: [
                "KioskDomain", "KioskStore", "KioskWeb", "KioskHAL", "KioskDrivers", "DeviceTransports", "DeviceProtocols",
                "KioskSync",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "kioskd",
            dependencies: [
                "KioskApp",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift),

        // The kiosk ↔ one-stop backend contract as Codable wire models. Foundation only.
        .target(
            name: "OneStopWire",
            swiftSettings: strictSwift),
        // onestop-sim's library: the reference one-stop backend (its own SQLite, faults, control API).
        .target(
            name: "OneStopSim",
            dependencies: [
                "OneStopWire", "KioskDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "onestop-sim",
            dependencies: [
                "OneStopSim",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift),

        // The kiosk's side of the backend: HTTP client, outbox push, manifest pull (SyncService).
        .target(
            name: "KioskSync",
            dependencies: [
                "KioskDomain", "KioskStore", "OneStopWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift),

        // Benchmarks: run with `make bench`; results land in Benchmarks/results/.
        .target(
            name: "BenchmarkSupport",
            path: "Benchmarks/Support",
            swiftSettings: strictSwift),
        .executableTarget(
            name: "locker-bench",
            dependencies: ["BenchmarkSupport", "KioskDrivers", "HardwareSims", "DeviceTransports", "KioskHAL"],
            path: "Benchmarks/LockerBenchmarks",
            swiftSettings: strictSwift),
        .executableTarget(
            name: "sync-bench",
            dependencies: [
                "BenchmarkSupport", "KioskSync", "OneStopSim", "OneStopWire", "KioskStore", "KioskDomain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/SyncBenchmarks",
            swiftSettings: strictSwift),
        .executableTarget(
            name: "receipt-bench",
            dependencies: ["BenchmarkSupport", "DeviceProtocols", "KioskDrivers", "HardwareSims", "DeviceTransports", "KioskHAL"],
            path: "Benchmarks/ReceiptBenchmarks",
            swiftSettings: strictSwift),

        // Helpers shared by the test targets.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strictSwift),
        .testTarget(
            name: "KioskDomainTests",
            dependencies: ["KioskDomain", "TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "KioskHALTests",
            dependencies: ["KioskHAL"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "DeviceProtocolsTests",
            dependencies: ["DeviceProtocols", "TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "DeviceTransportsTests",
            dependencies: ["DeviceTransports", "KioskHAL", "TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "KioskDriversTests",
            dependencies: ["KioskDrivers", "HardwareSims", "DeviceTransports", "DeviceProtocols", "KioskHAL"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "HALConformanceTests",
            dependencies: ["KioskDrivers", "HardwareSims", "DeviceTransports", "DeviceProtocols", "KioskHAL"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "HardwareSimsTests",
            dependencies: ["HardwareSims", "DeviceProtocols", "DeviceTransports", "KioskHAL", "TestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "KioskStoreTests",
            dependencies: [
                "KioskStore", "KioskDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "KioskAppTests",
            dependencies: [
                "KioskApp", "KioskWeb", "KioskStore", "KioskSync", "OneStopSim", "OneStopWire", "HardwareSims",
                "DeviceTransports", "DeviceProtocols", "KioskHAL", "KioskDrivers", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "OneStopWireTests",
            dependencies: ["OneStopWire"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "OneStopSimTests",
            dependencies: [
                "OneStopSim", "OneStopWire", "KioskDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "KioskSyncTests",
            dependencies: [
                "KioskSync", "OneStopSim", "OneStopWire", "KioskStore", "KioskDomain", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["kioskd", "kiosk-hwsim", "onestop-sim", "DeviceTransports", "DeviceProtocols", "KioskHAL"],
            swiftSettings: strictSwift),
    ],
    swiftLanguageModes: [.v6]
)
