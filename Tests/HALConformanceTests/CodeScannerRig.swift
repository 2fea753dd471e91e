import DeviceProtocols
import DeviceTransports
import Foundation
@testable import HardwareSims
import KioskDrivers
import KioskHAL

/// One combination the `CodeScanner` conformance suite runs against.
struct ScannerConformanceCase: Sendable, CustomStringConvertible {
    /// How the scanner is wired.
    enum Wiring: String, Sendable, CaseIterable {
        case serialLine, keyboardWedge, image
    }

    let wiring: Wiring
    /// The byte transport; `nil` for the image scanner, whose frames arrive in memory.
    let transport: ConformanceTransport?

    var description: String { "\(wiring.rawValue)" + (transport.map { " over \($0)" } ?? " in memory") }

    static let all: [ScannerConformanceCase] =
        [Wiring.serialLine, .keyboardWedge].flatMap { wiring in
            ConformanceTransport.allCases.map { ScannerConformanceCase(wiring: wiring, transport: $0) }
        } + [ScannerConformanceCase(wiring: .image, transport: nil)]
}

/// Hands the image scanner a fresh frame channel on every open; `unplug()` finishes the current
/// one and makes opens fail until `replug()`.
actor CameraSwitch {
    private var current: ImageFrameChannel?
    private var pluggedIn = true

    func open() throws -> any ImageFrameSource {
        guard pluggedIn else { throw HALError(.disconnected, device: "camera", detail: "camera unplugged") }
        let channel = ImageFrameChannel(name: "camera")
        current = channel
        return channel
    }

    func send(_ image: GreyImage) throws {
        guard let current else { throw HALError(.disconnected, device: "camera", detail: "no open source") }
        current.send(image)
    }

    func unplug() async {
        pluggedIn = false
        await current?.close()
        current = nil
    }

    func replug() { pluggedIn = true }
}

/// A production `CodeScanner` in front of what plays the scanner: the `ScannerEmulator` (serial
/// line, keyboard wedge) over a port, or a camera frame channel. Real clock; the debounce window
/// is a minute so a repeat is always within it.
struct CodeScannerRig: Sendable {
    static let maximumLength = 96
    static let debounceWindow: Duration = .seconds(60)
    /// `KEY_F1`, which no layout maps.
    static let functionKey: UInt16 = 59

    let testCase: ScannerConformanceCase
    let scanner: any CodeScanner
    /// How the scan of `text` looks when delivered.
    let expected: @Sendable (String) -> Scan
    /// Presents a code of `text` (the emulator's `scan(text:)`, or a rendered QR to the camera).
    let present: @Sendable (String) async throws -> Void
    /// Presents an image holding codes (the emulator's `scan(image:)`, or the frame itself).
    let presentImage: @Sendable (GreyImage) async throws -> Void
    /// Sends a payload the scanner must refuse, and the rejection it must publish.
    let refused: @Sendable () async throws -> ScanEvent
    let unplug: @Sendable () async -> Void
    let replug: @Sendable () async -> Void

    /// Runs the scanner and its counterpart while `body` drives the test; stops both afterwards.
    static func with(_ testCase: ScannerConformanceCase, body: @escaping @Sendable (CodeScannerRig) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reconnect = ScannerReconnectPolicy(initial: .milliseconds(20), maximum: .milliseconds(200))
        switch testCase.wiring {
        case .image:
            let camera = CameraSwitch()
            let scanner = ImageCodeScanner(
                name: "camera", configuration: ImageCodeScannerConfiguration(
                    maximumLength: maximumLength, debounceWindow: debounceWindow, reconnectPolicy: reconnect),
                clock: ContinuousClock()) { try await camera.open() }
            let rig = CodeScannerRig(
                testCase: testCase, scanner: scanner,
                expected: { Scan(text: $0, symbology: "Q1", source: .image) },
                present: { try await camera.send(QRMatrix(text: $0).rasterised(moduleSize: 3)) },
                presentImage: { try await camera.send($0) },
                refused: {
                    try await camera.send(QRMatrix(bytes: [0x48, 0xC3, 0x28]).rasterised(moduleSize: 3))
                    return .rejected(.invalidUTF8)
                },
                unplug: { await camera.unplug() }, replug: { await camera.replug() })
            try await running(scanner: { await scanner.run() }, rig: rig, body: body)
        case .serialLine, .keyboardWedge:
            let port = PortSwitch(transport: testCase.transport ?? .memory, link: directory.appendingPathComponent("scanner0").path)
            let wedge = testCase.wiring == .keyboardWedge
            let emulator = ScannerEmulator(mode: wedge ? .keyboardWedge : .serialLine(suffix: .carriageReturn, aimPrefix: true))
            let scanner: any CodeScanner
            let runScanner: @Sendable () async -> Void
            if wedge {
                let driver = KeyboardWedgeScanner(
                    name: "scanner0", configuration: KeyboardWedgeScannerConfiguration(
                        decoding: KeyboardWedgeDecoder.Configuration(maximumLength: maximumLength),
                        debounceWindow: debounceWindow, reconnectPolicy: reconnect),
                    clock: ContinuousClock()) { try await port.open() }
                (scanner, runScanner) = (driver, { await driver.run() })
            } else {
                let driver = SerialLineScanner(
                    name: "scanner0", configuration: SerialLineScannerConfiguration(
                        framing: ScanLineFramer.Configuration(suffix: .carriageReturn, aimPrefix: .optional, maximumLength: maximumLength),
                        debounceWindow: debounceWindow, reconnectInitial: reconnect.initial, reconnectMaximum: reconnect.maximum),
                    clock: ContinuousClock()) { try await port.open() }
                (scanner, runScanner) = (driver, { await driver.run() })
            }
            let rig = CodeScannerRig(
                testCase: testCase, scanner: scanner,
                expected: { Scan(text: $0, symbology: wedge ? nil : "Q1", source: wedge ? .keyboardWedge : .serialLine) },
                present: { try await emulator.scan(text: $0) },
                presentImage: { try await emulator.scan(image: $0) },
                refused: {
                    if wedge {
                        let keys = [(functionKey, EvdevEvent.pressed), (functionKey, EvdevEvent.released),
                                    (KeyboardLayout.enter, EvdevEvent.pressed), (KeyboardLayout.enter, EvdevEvent.released)]
                        await emulator.sendGarbage(keys.flatMap { EvdevEvent.key($0.0, value: $0.1, at: .zero).encoded })
                        return .rejected(.unknownKey(code: functionKey))
                    }
                    await emulator.sendGarbage([0x48, 0xC3, 0x28, 0x0D])
                    return .rejected(.invalidUTF8)
                },
                unplug: { await port.unplug() }, replug: { await port.replug() })
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await device in port.deviceEnds { try? await emulator.serve(on: device) }
                }
                defer { group.cancelAll() }
                try await running(scanner: runScanner, rig: rig, body: body)
                await port.shutdown()
            }
        }
    }

    /// Runs the scanner while `body` runs; cancels it afterwards.
    private static func running(
        scanner: @escaping @Sendable () async -> Void, rig: CodeScannerRig,
        body: @escaping @Sendable (CodeScannerRig) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await scanner() }
            defer { group.cancelAll() }
            try await body(rig)
        }
    }
}
