import BenchmarkSupport
import DeviceTransports
import Foundation
import HardwareSims
import KioskDrivers
import KioskHAL

/// `locker-bench`: measures the lock-bus driver against the lock-board emulator over a PTY and
/// writes `Benchmarks/results/locker.json`. `locker-bench --serve-emulator LINK BOARDS` is the
/// child mode used for the CPU measurement (emulator in another process).
@main
struct LockerBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        if arguments.count == 4, arguments[1] == "--serve-emulator" {
            try await serveEmulator(link: arguments[2], boards: Int(arguments[3]) ?? 10)
            return
        }
        let output = arguments.count >= 2 ? arguments[1] : "Benchmarks/results"
        var measurements: [BenchmarkRecord.Measurement] = []
        for family in LockerSlotAddress.Family.allCases {
            measurements += try await unlockLatency(family: family, samples: 100)
            for boards in [1, 4, 10] {
                measurements += try await detectionLatency(family: family, boards: boards, samples: 30)
            }
        }
        measurements.append(try await idleCPU(boards: 10, seconds: 10))
        let record = BenchmarkRecord.now(benchmark: "locker", measurements: measurements)
        let url = try record.write(to: URL(fileURLWithPath: output))
        record.summaryLines.forEach { print($0) }
        print("written \(url.path)")
    }

    /// A PTY, the emulator on its master (tapped) and a driver on its slave through SerialPort.
    struct Rig {
        let driver: LockBusDriver
        let emulator: LockBoardEmulator
        let tap: WireTap
        let labels: [String]
        let group: Task<Void, Never>
    }

    static func label(_ board: Int, _ channel: Int) -> String { "S\(board)-\(channel)" }

    static func makeRig(
        family: LockerSlotAddress.Family, boards: Int, timing: LockBusTiming, pulse: Duration, lineRate: Bool
    ) throws -> Rig {
        let channels = 16
        let emulated: LockBoardFamily = family == .kerong ? .kerong : .wkly(channels: channels)
        let emulator = LockBoardEmulator(core: try LockBoardEmulatorCore(configuration: LockBusConfiguration(
            family: emulated, boards: (0..<boards).map(UInt8.init), pulse: pulse)))
        let entries = (0..<boards).flatMap { board in
            (1...channels).map {
                LockerSlotMap.Entry(label: label(board, $0),
                                    address: LockerSlotAddress(bus: "bench", family: family, board: board, channel: $0))
            }
        }
        let pty = try PseudoTerminal(name: "bench")
        let baud = family == .kerong ? 19200 : 9600
        let tap = WireTap(pty.master, baud: lineRate ? baud : nil)
        let path = pty.slavePath
        let driver = try LockBusDriver(
            bus: "bench", map: try LockerSlotMap(buses: ["bench": family], entries: entries), timing: timing,
            clock: ContinuousClock()) { try SerialPort(path: path, bitsPerSecond: baud, name: "bench") }
        let group = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await driver.run() }
                // A 1 ms pass: the emulator sends queued pushes on its next pass, and a real board pushes at once.
                group.addTask { try? await emulator.serve(on: tap, poll: .milliseconds(1)) }
                await group.waitForAll()
            }
            await pty.close()
        }
        return Rig(driver: driver, emulator: emulator, tap: tap, labels: entries.map(\.label), group: group)
    }

    static func waitOnline(_ driver: LockBusDriver) async throws {
        let clock = ContinuousClock()
        let end = clock.now + .seconds(60)
        while clock.now < end {
            if await driver.snapshot().values.allSatisfy({ $0.device == .online }) { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw HALError(.timedOut, device: "bench", detail: "slots did not come online")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func serveEmulator(link: String, boards: Int) async throws {
        let emulator = LockBoardEmulator(core: try LockBoardEmulatorCore(configuration: LockBusConfiguration(
            family: .kerong, boards: (0..<boards).map(UInt8.init))))
        let pty = try PseudoTerminal(name: "bench-child", linkPath: link)
        try await emulator.serve(on: pty.master)
    }
}
