import DeviceProtocols
import DeviceTransports
import HardwareSims
import KioskDrivers
import KioskHAL

/// Hands the printer driver a fresh in-memory stream per open and the emulator the other end;
/// `unplug()` closes the emulator's end (the cable is pulled) and refuses opens until `replug()`.
actor PrinterCable {
    nonisolated let deviceEnds: AsyncStream<InMemoryByteStream>
    private let sink: AsyncStream<InMemoryByteStream>.Continuation
    private let capacity: Int
    private var deviceEnd: InMemoryByteStream?
    private var pluggedIn = true
    private(set) var opens = 0

    init(capacity: Int) {
        (deviceEnds, sink) = AsyncStream.makeStream(of: InMemoryByteStream.self)
        self.capacity = capacity
    }

    func open() throws -> any ByteStream {
        guard pluggedIn else { throw HALError(.disconnected, device: "printer0", detail: "cable unplugged") }
        let (driver, device) = InMemoryByteStream.pair(name: "printer0", capacity: capacity)
        deviceEnd = device
        opens += 1
        sink.yield(device)
        return driver
    }

    func unplug() async {
        pluggedIn = false
        await deviceEnd?.close()
        deviceEnd = nil
    }

    func replug() { pluggedIn = true }

    func shutdown() async {
        await deviceEnd?.close()
        sink.finish()
    }
}

/// Everything the printer published, in order.
actor PrinterEventLog {
    private(set) var events: [ReceiptPrinterEvent] = []
    func append(_ event: ReceiptPrinterEvent) { events.append(event) }
}

/// The production `EscPosPrinter` in front of an `EscPosPrinterEmulator` over in-memory streams.
struct EscPosPrinterRig: Sendable {
    let printer: EscPosPrinter
    let emulator: EscPosPrinterEmulator
    let cable: PrinterCable
    let log: PrinterEventLog

    /// A 576-dot printer with cutter and near-end sensor, fast idle polling, short status bound.
    static func configuration(
        paperWidth: Int = 576, hasCutter: Bool = true, statusTimeout: Duration = .seconds(3)
    ) -> EscPosPrinterConfiguration {
        EscPosPrinterConfiguration(
            capabilities: ReceiptPrinterCapabilities(
                paperWidthDots: paperWidth, dotsPerInch: 203, hasCutter: hasCutter, reportsPaperNearEnd: true),
            statusTimeout: statusTimeout, statusPollInterval: .milliseconds(50),
            writeChunkSize: 1024, writeTimeout: .seconds(20),
            reconnectInitial: .milliseconds(20), reconnectMaximum: .milliseconds(200))
    }

    /// Runs driver, emulator and event log while `body` drives the test; stops them afterwards.
    static func run(
        configuration: EscPosPrinterConfiguration = configuration(), faults: PrinterFaultPlan = PrinterFaultPlan(),
        capacity: Int = InMemoryByteStream.defaultCapacity,
        _ body: @escaping @Sendable (EscPosPrinterRig) async throws -> Void
    ) async throws {
        let core = try EscPosPrinterEmulatorCore(paperWidth: configuration.capabilities.paperWidthDots, faults: faults)
        let emulator = EscPosPrinterEmulator(core: core)
        let cable = PrinterCable(capacity: capacity)
        let printer = EscPosPrinter(name: "printer0", configuration: configuration, clock: ContinuousClock()) {
            try await cable.open()
        }
        let rig = EscPosPrinterRig(printer: printer, emulator: emulator, cable: cable, log: PrinterEventLog())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await printer.run() }
            group.addTask {
                for await device in cable.deviceEnds { try? await emulator.serve(on: device, poll: .milliseconds(20)) }
            }
            group.addTask {
                for await event in printer.events { await rig.log.append(event) }
            }
            defer { group.cancelAll() }
            try await body(rig)
            await cable.shutdown()
        }
    }

    /// Polls `condition` until it holds or the hang guard (30 s) passes.
    func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
        await HangGuard().eventually(condition)
    }

    /// Waits until `event` was published.
    func saw(_ event: ReceiptPrinterEvent) async -> Bool { await eventually { await log.events.contains(event) } }

    /// Waits until the printer reports itself online and ready.
    func ready() async -> Bool { await eventually { await printer.status().isReadyToPrint } }

    /// How many `GS v 0` strips reached the emulator (printed or dropped).
    func rasterCommandsSeen() async -> Int {
        await emulator.log.filter { entry in
            switch entry.event {
            case .rasterPrinted: true
            case let .commandDropped(command): if case .rasterImage = command { true } else { false }
            default: false
            }
        }.count
    }
}

/// Test pictures.
enum PrinterJobs {
    /// A `width`×`height` job with a diagonal and a border, so rows differ from one another.
    static func pattern(id: String = "job", width: Int = 576, height: Int = 300, finish: ReceiptPrintJob.Finish = .partialCut) throws -> ReceiptPrintJob {
        let stride = (width + 7) / 8
        var rows = [UInt8](repeating: 0, count: stride * height)
        for y in 0..<height {
            for x in [0, width - 1, (y * 3) % width, (y * 7 + 5) % width] {
                rows[y * stride + x / 8] |= 0x80 >> UInt8(x % 8)
            }
        }
        return try ReceiptPrintJob(id: id, widthDots: width, heightDots: height, packedRows: rows, feedLines: 2, finish: finish)
    }
}
