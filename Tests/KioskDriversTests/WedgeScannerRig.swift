import DeviceProtocols
import DeviceTransports
@testable import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// A `KeyboardWedgeScanner` against a `ScannerEmulator` in keyboard-wedge mode over the chosen
/// transport. Driver and emulator share the stepped clock, so record timestamps, the idle gap
/// and the debounce window move only when the test advances time.
struct WedgeScannerRig: Sendable {
    static let debounceWindow: Duration = .seconds(2)
    static let idleGap: Duration = .milliseconds(80)
    static let maximumLength = 64
    /// `KEY_F1`, which no layout maps.
    static let functionKey: UInt16 = 59

    let driver: KeyboardWedgeScanner
    let emulator: ScannerEmulator
    let clock: SteppedClock
    let port: ScannerPort

    /// Runs the driver and the emulator while `body` drives the test; stops both afterwards.
    static func run(
        over transport: ScannerTransport, _ body: @escaping @Sendable (WedgeScannerRig) async throws -> Void
    ) async throws {
        let clock = SteppedClock()
        let port = ScannerPort(transport: transport)
        let configuration = KeyboardWedgeScannerConfiguration(
            decoding: KeyboardWedgeDecoder.Configuration(idleGap: idleGap, maximumLength: maximumLength),
            debounceWindow: debounceWindow, readTimeout: .milliseconds(50))
        let driver = KeyboardWedgeScanner(name: "scanner0", configuration: configuration, clock: clock) {
            try await port.open()
        }
        let emulator = ScannerEmulator(mode: .keyboardWedge, clock: clock)
        let rig = WedgeScannerRig(driver: driver, emulator: emulator, clock: clock, port: port)
        try await withScannerHarness(port: port, emulator: emulator, driver: { await driver.run() }) {
            try await body(rig)
        }
    }

    /// A scan the layout cannot map (F1, then Enter), refused as `.unknownKey`: sent after a
    /// dropped scan, its rejection proves the scan before it was read and not delivered.
    static var unknownKeyScan: [UInt8] {
        [(functionKey, EvdevEvent.pressed), (functionKey, EvdevEvent.released),
         (KeyboardLayout.enter, EvdevEvent.pressed), (KeyboardLayout.enter, EvdevEvent.released)]
            .flatMap { EvdevEvent.key($0.0, value: $0.1, at: .zero).encoded }
    }

    /// The records the emulator would send typing `text` (Enter unless `enter` is false).
    func records(typing text: String, enter: Bool = true) async throws -> [UInt8] {
        try await emulator.wedgeRecords(typing: text, enter: enter)
    }

    /// Waits until the driver holds the keys of an unfinished scan.
    func waitForScanInProgress() async throws {
        while await !driver.isScanInProgress {
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}
