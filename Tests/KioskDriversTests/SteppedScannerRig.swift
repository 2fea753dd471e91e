import HardwareSims
import KioskHAL
import Testing

/// What the serial-line and keyboard-wedge rigs share: a line driver reading a `ScannerPort`, the
/// `ScannerEmulator` on the port's other end, and the stepped clock the driver debounces on.
protocol SteppedScannerRig: Sendable {
    associatedtype Driver: CodeScanner
    /// The debounce window the rig configures the driver with.
    static var debounceWindow: Duration { get }
    var driver: Driver { get }
    var emulator: ScannerEmulator { get }
    var clock: SteppedClock { get }
    var port: ScannerPort { get }
}

extension SteppedScannerRig {
    /// The driver's events once it reported `.connected`, with the scanner armed.
    func connectedAndArmed() async throws -> AsyncStream<ScanEvent>.Iterator {
        var events = driver.events.makeAsyncIterator()
        #expect(try await events.nextEvent() == .connected)
        try await driver.arm()
        return events
    }

    /// Scans `text` on an armed scanner, then checks the debounce: the same code read again
    /// with no time passed is dropped (`marker`, sent right after it, must come out first as
    /// `rejection`), and once the window has passed on the clock it is delivered again.
    func expectRepeatDropped_untilTheWindowPasses(
        _ text: String, scanned: ScanEvent, marker: [UInt8], rejection: ScanEvent,
        events: inout AsyncStream<ScanEvent>.Iterator
    ) async throws {
        try await emulator.scan(text: text)
        #expect(try await events.nextEvent() == scanned)
        // Given the scanner re-armed with no time passed, the same code is read again
        try await driver.arm()
        try await emulator.scan(text: text)
        await emulator.sendGarbage(marker)
        // Then it is dropped (the rejection after it comes first)
        #expect(try await events.nextEvent() == rejection)
        // And once the window has passed it is delivered
        clock.advance(by: Self.debounceWindow + .milliseconds(1))
        try await emulator.scan(text: text)
        #expect(try await events.nextEvent() == scanned)
    }
}

extension ScannerRig: SteppedScannerRig {}
extension WedgeScannerRig: SteppedScannerRig {}
