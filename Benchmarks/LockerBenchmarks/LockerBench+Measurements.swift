import BenchmarkSupport
import DeviceTransports
import Foundation
import HardwareSims
import KioskDrivers
import KioskHAL

extension LockerBench {
    /// Wire time of one byte at `baud` with 8N1 framing (10 bits), ms.
    static func byteTime(baud: Double) -> Double { 10_000 / baud }

    /// Call → first unlock byte on the wire, and call → confirmed, over a PTY.
    static func unlockLatency(family: LockerSlotAddress.Family, samples: Int) async throws -> [BenchmarkRecord.Measurement] {
        var timing = LockBusTiming.defaults(for: family)
        timing.pulseSpacing = .milliseconds(1)
        let rig = try makeRig(family: family, boards: 1, timing: timing, pulse: .milliseconds(30), lineRate: true)
        defer { rig.group.cancel() }
        try await waitOnline(rig.driver)
        let clock = ContinuousClock()
        let command: UInt8 = family == .kerong ? 0x31 : 0x82
        var firstByte: [Double] = []
        var confirmed: [Double] = []
        for index in 0..<samples {
            let slot = rig.labels[index % rig.labels.count]
            // wait until the slot is shut again from its previous round
            while await rig.driver.status(of: slot)?.door != .closed { try await Task.sleep(for: .milliseconds(2)) }
            let start = clock.now
            let outcome = try await rig.driver.open(slot: slot, purpose: .diagnostics, bound: .seconds(5))
            let end = clock.now
            if family == .wkly {
                // WKLY doors spring ajar on release: shut it for the next round.
                try await rig.emulator.closeDoor(board: 0, channel: index % rig.labels.count + 1)
            }
            guard outcome == .confirmed else { continue }
            confirmed.append(milliseconds(start.duration(to: end)))
            if let arrival = rig.tap.firstArrival(of: command, after: start) {
                firstByte.append(milliseconds(start.duration(to: arrival)))
            }
            rig.tap.reset()
        }
        let name = family.rawValue
        return [
            .init(name: "\(name): unlock call → first byte on the wire", unit: "ms", samples: firstByte.count,
                  p50: Percentile.of(firstByte, 50), p99: Percentile.of(firstByte, 99), reference: nil, ratioToReference: nil,
                  goal: nil, note: "PTY held to 8N1 line rate; default timing but pulse spacing 1 ms; includes waiting for the transaction in flight and its 20 ms gap"),
            .init(name: "\(name): unlock call → confirmed", unit: "ms", samples: confirmed.count,
                  p50: Percentile.of(confirmed, 50), p99: Percentile.of(confirmed, 99), reference: nil, ratioToReference: nil,
                  goal: nil, note: "confirmed = the next status read (Kerong) or the 82 reply (WKLY) shows the latch released; PTY held to line rate"),
        ]
    }

    /// Forced door → `doorOpenedWithoutCommand`, against the wire time of one polling cycle.
    static func detectionLatency(
        family: LockerSlotAddress.Family, boards: Int, samples: Int
    ) async throws -> [BenchmarkRecord.Measurement] {
        // Kerong must poll back to back to approach the wire limit; WKLY pushes door changes, so
        // it keeps its default timing (poll every 200 ms), which leaves the line free for pushes.
        var timing = LockBusTiming.defaults(for: family)
        if family == .kerong {
            timing.pollInterval = .zero
            timing.transactionGap = .milliseconds(1)
        }
        let rig = try makeRig(family: family, boards: boards, timing: timing, pulse: .milliseconds(500), lineRate: true)
        defer { rig.group.cancel() }
        try await waitOnline(rig.driver)
        let clock = ContinuousClock()
        var latencies: [Double] = []
        let board = UInt8(boards - 1)
        for index in 0..<samples {
            let channel = index % 16 + 1
            let slot = label(boards - 1, channel)
            let start = clock.now
            try await rig.emulator.forceDoor(board: board, channel: channel)
            while await rig.driver.status(of: slot)?.door != .open {
                try await Task.sleep(for: .microseconds(200))
            }
            latencies.append(milliseconds(start.duration(to: clock.now)))
            try await rig.emulator.closeDoor(board: board, channel: channel)
            while await rig.driver.status(of: slot)?.door != .closed { try await Task.sleep(for: .milliseconds(1)) }
        }
        // One polling cycle on the wire: every board's status request and reply (Kerong 5 + 9
        // bytes; WKLY query-all 8 + reply 9 + 16 channels); WKLY also pushes the change (10 bytes).
        let baud: Double = family == .kerong ? 19200 : 9600
        let bytesPerBoard: Double = family == .kerong ? 14 : 8 + 9 + 16
        let cycle = Double(boards) * bytesPerBoard * byteTime(baud: baud)
        let reference = family == .kerong ? cycle : 10 * byteTime(baud: baud)
        let p50 = Percentile.of(latencies, 50)
        return [.init(
            name: "\(family.rawValue): door change detected, \(boards) board(s)", unit: "ms", samples: latencies.count,
            p50: p50, p99: Percentile.of(latencies, 99), reference: reference, ratioToReference: p50 / reference,
            goal: "≤ 1.5 × wire time",
            note: family == .kerong
                ? "reference: one polling cycle at 19200 baud (\(String(format: "%.2f", cycle)) ms); PTY held to line rate; poll interval 0, gap 1 ms"
                : "reference: the pushed 85 frame at 9600 baud (a polling cycle would be \(String(format: "%.2f", cycle)) ms); PTY held to line rate; default timing (poll every 200 ms): a push waits only when it meets a poll on the half-duplex line")]
    }

    /// CPU time of the driver polling 10 idle Kerong boards at default timing, emulator in a child process.
    static func idleCPU(boards: Int, seconds: Int) async throws -> BenchmarkRecord.Measurement {
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("locker-bench-\(getpid())").path
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--serve-emulator", link, "\(boards)"]
        try child.run()
        defer { child.terminate(); child.waitUntilExit() }
        while !FileManager.default.fileExists(atPath: link) { try await Task.sleep(for: .milliseconds(10)) }
        let entries = (0..<boards).flatMap { board in
            (1...16).map {
                LockerSlotMap.Entry(label: label(board, $0), address: LockerSlotAddress(bus: "idle", family: .kerong, board: board, channel: $0))
            }
        }
        let driver = try LockBusDriver(
            bus: "idle", map: try LockerSlotMap(buses: ["idle": .kerong], entries: entries), clock: ContinuousClock()
        ) { try SerialPort(path: link, bitsPerSecond: 19200, name: "idle") }
        let run = Task { await driver.run() }
        defer { run.cancel() }
        try await waitOnline(driver)
        func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        let before = cpuSeconds()
        let wallStart = Date()
        try await Task.sleep(for: .seconds(seconds))
        let share = (cpuSeconds() - before) / Date().timeIntervalSince(wallStart) * 100
        return .init(
            name: "kerong: idle polling of \(boards) boards, CPU of one core", unit: "%", samples: 1, p50: share, p99: share,
            reference: 1, ratioToReference: share / 1, goal: "< 1 % of one core",
            note: "default timing (poll every 200 ms, 20 ms gap); emulator in a child process; \(seconds) s")
    }
}
