import DeviceTransports
import Foundation
import HardwareSims
import KioskDrivers
import KioskHAL

/// How the driver reaches the emulated boards in a conformance run.
enum ConformanceTransport: String, CaseIterable, Sendable, CustomStringConvertible {
    /// An `InMemoryByteStream` pair.
    case memory
    /// A real pseudo-terminal: the emulator on the master, the driver through `SerialPort` on a
    /// stable symlink, exactly as on a USB-serial adapter.
    case pty

    var description: String { rawValue }
}

/// One combination the conformance suite runs against.
struct ConformanceCase: Sendable, CustomStringConvertible {
    let family: LockerSlotAddress.Family
    let transport: ConformanceTransport

    var description: String { "\(family.rawValue) over \(transport)" }

    static let all: [ConformanceCase] = LockerSlotAddress.Family.allCases.flatMap { family in
        ConformanceTransport.allCases.map { ConformanceCase(family: family, transport: $0) }
    }
}

/// Plugs and unplugs the bus's port: each open hands the driver a new stream and the emulator
/// the other end of it.
actor PortSwitch {
    nonisolated let deviceEnds: AsyncStream<any ByteStream>
    private let sink: AsyncStream<any ByteStream>.Continuation
    private let transport: ConformanceTransport
    private let link: String
    private var memoryEnd: InMemoryByteStream?
    private var terminal: PseudoTerminal?
    private var pluggedIn = true

    init(transport: ConformanceTransport, link: String) {
        (deviceEnds, sink) = AsyncStream.makeStream(of: (any ByteStream).self)
        self.transport = transport
        self.link = link
    }

    /// The driver's opener: a fresh connection, or `.disconnected` while unplugged.
    func open() async throws -> any ByteStream {
        guard pluggedIn else { throw HALError(.disconnected, device: "bus", detail: "port unplugged") }
        switch transport {
        case .memory:
            let (host, device) = InMemoryByteStream.pair(name: "bus")
            memoryEnd = host
            sink.yield(device)
            return host
        case .pty:
            if terminal == nil {
                let pty = try PseudoTerminal(name: "bus", linkPath: link)
                terminal = pty
                sink.yield(pty.master)
            }
            return try SerialPort(path: link, bitsPerSecond: 19200, name: "bus")
        }
    }

    /// Pulls the adapter: the current connection dies; opens fail until `replug()`.
    func unplug() async {
        pluggedIn = false
        await memoryEnd?.close()
        await terminal?.close()
        memoryEnd = nil
        terminal = nil
    }

    /// Puts the adapter back.
    func replug() { pluggedIn = true }

    /// Closes whatever is open.
    func shutdown() async {
        await memoryEnd?.close()
        await terminal?.close()
        sink.finish()
    }
}

/// Everything a device published, in order.
actor EventLog<Event: Sendable> {
    private(set) var events: [Event] = []
    func append(_ event: Event) { events.append(event) }
}

/// Polls `condition` every 10 ms until it holds or the hang guard (30 s) passes.
func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + .seconds(30)
    while clock.now < end {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}

/// A `LockerBank` under test (the production lock-bus driver) in front of the lock-board
/// emulator, over one transport: two boards × 4 channels, slots `A<board>-<channel>`.
struct LockerBankRig: Sendable {
    let testCase: ConformanceCase
    let bank: LockBusDriver
    let emulator: LockBoardEmulator
    let port: PortSwitch
    let log: EventLog<LockerEvent>

    static let channels = 4
    static let boards: [UInt8] = [0, 1]

    static func label(_ board: UInt8, _ channel: Int) -> String { "A\(board)-\(channel)" }

    /// Runs `body` with bank, emulator and event log running; stops them afterwards.
    static func with(_ testCase: ConformanceCase, body: @Sendable (LockerBankRig) async throws -> Void) async throws {
        let family = testCase.family
        let emulated: LockBoardFamily = family == .kerong ? .kerong : .wkly(channels: channels)
        // A 5 s pulse: a released latch must still read released when a driver starved on a
        // loaded machine finally polls, and Kerong reports a door closed only once its latch
        // re-engages at the end of the pulse.
        let core = try LockBoardEmulatorCore(
            configuration: LockBusConfiguration(family: emulated, boards: boards, pulse: .seconds(5)))
        let entries = boards.flatMap { board in
            (1...channels).map {
                LockerSlotMap.Entry(
                    label: label(board, $0), address: LockerSlotAddress(bus: "bus", family: family, board: Int(board), channel: $0))
            }
        }
        var timing = LockBusTiming.defaults(for: family)
        // A generous command timeout: the suite runs beside CPU-heavy suites on a 2-core machine,
        // and a driver starved for longer than the family default would see boards go offline
        // that never did. Timeout behaviour itself is pinned by the driver's own tests.
        timing.commandTimeout = .seconds(1)
        timing.pollInterval = .milliseconds(50)
        timing.reconnectInitial = .milliseconds(50)
        timing.reconnectMaximum = .milliseconds(200)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = PortSwitch(transport: testCase.transport, link: directory.appendingPathComponent("lockbus").path)
        let bank = try LockBusDriver(
            bus: "bus", map: try LockerSlotMap(buses: ["bus": family], entries: entries), timing: timing,
            clock: ContinuousClock()) { try await port.open() }
        let rig = LockerBankRig(testCase: testCase, bank: bank, emulator: LockBoardEmulator(core: core), port: port, log: EventLog())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await bank.run() }
            group.addTask {
                for await device in port.deviceEnds { try await rig.emulator.serve(on: device) }
            }
            group.addTask {
                for await event in bank.events { await rig.log.append(event) }
            }
            defer { group.cancelAll() }
            try await body(rig)
            await port.shutdown()
        }
    }

    /// Polls `condition` until it holds or the hang guard (30 s) passes.
    func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
        await HALConformanceTests.eventually(condition)
    }

    /// Waits until `event` was published.
    func saw(_ event: LockerEvent) async -> Bool { await eventually { await log.events.contains(event) } }

    /// Waits until every slot reads `status`.
    func all(_ status: DeviceStatus) async -> Bool {
        await eventually { await bank.snapshot().values.allSatisfy { $0.device == status } }
    }

    /// How many unlock frames (Kerong `31`, WKLY `82`) reached the emulator.
    func unlockRequests() async -> Int {
        let command: UInt8 = testCase.family == .kerong ? 0x31 : 0x82
        return await emulator.log.filter { $0.event == .request(command: command) }.count
    }
}
