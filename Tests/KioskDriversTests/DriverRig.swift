import DeviceTransports
import DeviceProtocols
import HardwareSims
import KioskHAL
@testable import KioskDrivers

/// Hands out a fresh pipe on every open and passes the device end to the emulator's serve loop.
actor PipeExchange {
    nonisolated let devices: AsyncStream<InMemoryByteStream>
    private let deviceSink: AsyncStream<InMemoryByteStream>.Continuation
    private var current: InMemoryByteStream?
    /// Every write the driver made, over all pipes, oldest first.
    private var recorders: [WriteRecordingStream] = []
    /// How many pipes were handed out.
    private(set) var opens = 0
    /// How many open attempts were refused.
    private(set) var refusals = 0
    private var refuseNext = 0

    init() {
        (devices, deviceSink) = AsyncStream.makeStream(of: InMemoryByteStream.self)
    }

    /// The port is gone: the next `count` opens fail.
    func refuse(next count: Int) { refuseNext = count }

    func open() throws -> any ByteStream {
        if refuseNext > 0 {
            refuseNext -= 1
            refusals += 1
            throw HALError(.disconnected, device: "test", detail: "no such port")
        }
        let (host, device) = InMemoryByteStream.pair(name: "bus")
        current = host
        opens += 1
        deviceSink.yield(device)
        let recorder = WriteRecordingStream(host)
        recorders.append(recorder)
        return recorder
    }

    /// What the driver wrote, over every pipe handed out, in order.
    func writes() -> [WriteRecordingStream.Write] { recorders.flatMap(\.writes) }

    /// Pulls the cable: the current pipe closes at both ends.
    func cut() async { await current?.close() }
}

/// Everything the driver published, in order.
actor EventRecorder {
    private(set) var events: [LockerEvent] = []
    func append(_ event: LockerEvent) { events.append(event) }
}

/// A driver over one emulated bus (boards × 4 channels, labels `A<board>-<channel>`), with the
/// emulator served on a test pipe and every event recorded. Real clock; short timeouts.
struct DriverRig: Sendable {
    let family: LockerSlotAddress.Family
    let boards: [UInt8]
    let driver: LockBusDriver
    let emulator: LockBoardEmulator
    let exchange: PipeExchange
    let recorder: EventRecorder

    static let channels = 4

    static func label(_ board: UInt8, _ channel: Int) -> String { "A\(board)-\(channel)" }

    func labels(ofBoard board: UInt8) -> [String] { (1...Self.channels).map { Self.label(board, $0) } }

    /// Runs `body` with the driver, emulator and event recorder running; stops them afterwards.
    /// `springDoors` overrides the emulator's default (WKLY doors spring ajar, Kerong doors do not).
    static func with(
        _ family: LockerSlotAddress.Family, boards: [UInt8] = [0, 1], springDoors: Bool? = nil,
        body: @Sendable (DriverRig) async throws -> Void
    ) async throws {
        let emulated: LockBoardFamily = family == .kerong ? .kerong : .wkly(channels: channels)
        let core = try LockBoardEmulatorCore(
            configuration: LockBusConfiguration(
                family: emulated, boards: boards, pulse: .seconds(5), doorPopsOpenOnRelease: springDoors))
        let entries = boards.flatMap { board in
            (1...channels).map {
                LockerSlotMap.Entry(
                    label: label(board, $0), address: LockerSlotAddress(bus: "bus", family: family, board: Int(board), channel: $0))
            }
        }
        let map = try LockerSlotMap(buses: ["bus": family], entries: entries)
        var timing = LockBusTiming.defaults(for: family)
        timing.pollInterval = .milliseconds(50)
        timing.transactionGap = .milliseconds(10)
        timing.reconnectInitial = .milliseconds(50)
        timing.reconnectMaximum = .milliseconds(200)
        let exchange = PipeExchange()
        let driver = try LockBusDriver(bus: "bus", map: map, timing: timing, clock: ContinuousClock()) {
            try await exchange.open()
        }
        let rig = DriverRig(
            family: family, boards: boards, driver: driver, emulator: LockBoardEmulator(core: core), exchange: exchange,
            recorder: EventRecorder())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await driver.run() }
            group.addTask {
                for await device in exchange.devices { try await rig.emulator.serve(on: device) }
            }
            group.addTask {
                for await event in driver.events { await rig.recorder.append(event) }
            }
            do {
                try await body(rig)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// Polls `condition` every 10 ms until it holds or the hang guard (30 s) passes.
    func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
        await HangGuard().eventually(condition)
    }

    /// Waits until `event` was published.
    func saw(_ event: LockerEvent) async -> Bool {
        await eventually { await recorder.events.contains(event) }
    }

    /// Waits until every slot of the bus reads online.
    func allOnline() async -> Bool {
        await eventually { await driver.snapshot().values.allSatisfy { $0.device == .online } }
    }

    /// How many unlock frames (Kerong `31`, WKLY `82`) the emulator received.
    func unlockRequests() async -> Int {
        let command: UInt8 = family == .kerong ? 0x31 : 0x82
        return await emulator.log.filter { $0.event == .request(command: command) }.count
    }
}

/// Polling with a hang guard, for tests that do not use `DriverRig`.
struct HangGuard {
    /// Polls `condition` every 10 ms until it holds or 30 s pass (a hang guard, not a time bound).
    func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + .seconds(30)
        while clock.now < end {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return await condition()
    }
}
