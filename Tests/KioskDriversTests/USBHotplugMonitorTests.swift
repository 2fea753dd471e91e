import DeviceTransports
import KioskDrivers
import Synchronization
import Testing

/// A clock that moves only when the test says; sleepers wake when time reaches their deadline.
final class ManualTestClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let state = Mutex<(now: Instant, sleepers: [Int: Sleeper], next: Int)>((Instant(offset: .zero), [:], 0))
    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }

    /// Moves time forward and wakes every sleeper whose deadline passed.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let ready = state.sleepers.filter { $0.value.deadline <= now }
            ready.keys.forEach { state.sleepers[$0] = nil }
            return Array(ready.values)
        }
        due.forEach { $0.continuation.resume() }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state -> Int in
            state.next += 1
            return state.next
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    if deadline <= state.now || Task.isCancelled { return true }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }
}

/// An inventory source whose attached devices the test sets; every scan is announced on `scans`.
final class ScriptedInventorySource: USBInventorySource {
    let scans: AsyncStream<Int>
    private let scanSink: AsyncStream<Int>.Continuation
    private let hints: AsyncStream<USBHotplugListener.Change>?
    let hintSink: AsyncStream<USBHotplugListener.Change>.Continuation?
    private let state = Mutex<(attached: [USBDeviceRecord], count: Int, failNext: Bool)>(([], 0, false))

    init(withHints: Bool) {
        (scans, scanSink) = AsyncStream.makeStream(of: Int.self)
        if withHints {
            let (stream, sink) = AsyncStream.makeStream(of: USBHotplugListener.Change.self)
            hints = stream
            hintSink = sink
        } else {
            hints = nil
            hintSink = nil
        }
    }

    func attach(_ records: [USBDeviceRecord]) { state.withLock { $0.attached = records } }
    func failNextScan() { state.withLock { $0.failNext = true } }

    func scan(known: [USBDeviceIdentity: USBDeviceRecord]) async throws -> [USBDeviceRecord] {
        let (records, count, fail) = state.withLock { state in
            state.count += 1
            defer { state.failNext = false }
            return (state.attached, state.count, state.failNext)
        }
        defer { scanSink.yield(count) }
        if fail { throw ScanFailure() }
        return records
    }

    func startChangeHints() -> AsyncStream<USBHotplugListener.Change>? { hints }
    func stopChangeHints() { hintSink?.finish() }

    struct ScanFailure: Error, CustomStringConvertible {
        var description: String { "LIBUSB_ERROR_NO_MEM" }
    }
}

@Suite(.timeLimit(.minutes(1))) struct USBHotplugMonitorTests {
    private let printer = USBRecords.printer(port: [1, 4], address: 7)
    private let scanner = USBRecords.scanner(port: [1, 2], address: 5)

    /// Runs `monitor` while `body` drives it, then cancels it and returns every event it published
    /// (the stream buffers them and finishes when `run()` returns).
    private func drive(
        _ monitor: USBHotplugMonitor, _ body: @Sendable () async throws -> Void
    ) async throws -> [USBHotplugEvent] {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await monitor.run() }
            try await body()
            group.cancelAll()
        }
        var seen: [USBHotplugEvent] = []
        for await event in monitor.events { seen.append(event) }
        return seen
    }

    @Test func missedCallback_isCaughtByThePeriodicRescan_exactlyOnce() async throws {
        // Given a source without hotplug callbacks and a printer already attached
        let clock = ManualTestClock()
        let source = ScriptedInventorySource(withHints: false)
        source.attach([printer])
        let monitor = USBHotplugMonitor(source: source, rescanInterval: .seconds(10), clock: clock)

        let events = try await drive(monitor) {
            var scans = source.scans.makeAsyncIterator()
            #expect(await scans.next() == 1)
            // When a scanner is plugged in and nobody says so, the next tick finds it
            source.attach([printer, scanner])
            clock.advance(by: .seconds(10))
            #expect(await scans.next() == 2)
            // and later ticks with nothing new report nothing more
            clock.advance(by: .seconds(10))
            #expect(await scans.next() == 3)
            source.attach([scanner])
            clock.advance(by: .seconds(10))
            #expect(await scans.next() == 4)
        }

        // Then every change was reported once, in order
        #expect(events == [.arrived(printer), .arrived(scanner), .left(printer)])
        #expect(monitor.devices == [scanner])
        #expect(monitor.completedScans == 4)
    }

    @Test func hotplugHints_triggerAScan_andDuplicateHintsReportNothingTwice() async throws {
        let clock = ManualTestClock()
        let source = ScriptedInventorySource(withHints: true)
        let monitor = USBHotplugMonitor(source: source, rescanInterval: .seconds(10), clock: clock)
        let summary = printer.summary

        let events = try await drive(monitor) {
            var scans = source.scans.makeAsyncIterator()
            #expect(await scans.next() == 1)
            // When the printer arrives and libusb calls back twice (ENUMERATE + event)
            source.attach([printer])
            source.hintSink?.yield(.arrived(summary))
            #expect(await scans.next() == 2)
            source.hintSink?.yield(.arrived(summary))
            #expect(await scans.next() == 3)
            // and a re-plug in the same port comes back with a new address
            let replugged = USBRecords.printer(port: [1, 4], address: 8)
            source.attach([replugged])
            source.hintSink?.yield(.left(summary))
            #expect(await scans.next() == 4)
        }

        // Then (without the clock moving) the arrival was reported once, and the re-plug as a pair
        #expect(events == [.arrived(printer), .left(printer), .arrived(USBRecords.printer(port: [1, 4], address: 8))])
    }

    @Test func failedScan_keepsTheKnownDevices_andSaysWhy() async throws {
        let clock = ManualTestClock()
        let source = ScriptedInventorySource(withHints: false)
        source.attach([printer])
        let monitor = USBHotplugMonitor(source: source, rescanInterval: .seconds(5), clock: clock)

        let events = try await drive(monitor) {
            var scans = source.scans.makeAsyncIterator()
            #expect(await scans.next() == 1)
            source.failNextScan()
            clock.advance(by: .seconds(5))
            #expect(await scans.next() == 2)
            #expect(monitor.lastScanProblem == "LIBUSB_ERROR_NO_MEM")
            #expect(monitor.devices == [printer])
            clock.advance(by: .seconds(5))
            #expect(await scans.next() == 3)
            #expect(monitor.lastScanProblem == nil)
        }
        #expect(events == [.arrived(printer)])
    }

    @Test func nextDeadline_skipsMissedTicksInsteadOfBursting() {
        let start = ContinuousClock.now
        #expect(USBHotplugMonitor.nextRescanDeadline(after: start, now: start.advanced(by: .seconds(1)), interval: .seconds(10))
            == start.advanced(by: .seconds(10)))
        #expect(USBHotplugMonitor.nextRescanDeadline(after: start, now: start.advanced(by: .seconds(35)), interval: .seconds(10))
            == start.advanced(by: .seconds(45)))
    }

    @Test func thisMachineWithoutUSB_listsNothing_yieldsNothing_andDoesNotCrash() async throws {
        // Given the real inventory of this machine
        let inventory = USBInventory.system()
        let attached = try await inventory.scan()
        let clock = ManualTestClock()
        let monitor = USBHotplugMonitor(source: inventory, rescanInterval: .seconds(10), clock: clock)

        // When it runs through a few periodic rescans (and real hotplug callbacks, if supported)
        let events = try await drive(monitor) {
            while monitor.completedScans < 1 { await Task.yield() }
            for tick in 1...3 {
                clock.advance(by: .seconds(10))
                while monitor.completedScans < tick + 1 { await Task.yield() }
            }
        }

        // Then it reported exactly what is attached (nothing on a machine without USB)
        #expect(events.map(\.record) == attached)
        #expect(monitor.lastScanProblem == nil)
        if inventory.context?.isUSBAvailable != true || attached.isEmpty {
            #expect(events.isEmpty)
            #expect(monitor.devices.isEmpty)
        }
    }

    @Test func libusbThatCannotStart_isAnEmptyInventoryWithAReason() async throws {
        // Given an inventory whose libusb session could not be created
        let inventory = USBInventory(context: nil, startProblem: "libusb_init failed: LIBUSB_ERROR_OTHER (-99)")
        let clock = ManualTestClock()
        let monitor = USBHotplugMonitor(source: inventory, rescanInterval: .seconds(10), clock: clock)

        // When the monitor runs and ticks once
        let events = try await drive(monitor) {
            while monitor.completedScans < 1 { await Task.yield() }
            clock.advance(by: .seconds(10))
            while monitor.completedScans < 2 { await Task.yield() }
        }

        // Then there are no devices, no events, no hints, and the reason is kept
        #expect(try await inventory.scan().isEmpty)
        #expect(inventory.startChangeHints() == nil)
        #expect(events.isEmpty)
        #expect(inventory.startProblem == "libusb_init failed: LIBUSB_ERROR_OTHER (-99)")
    }
}
