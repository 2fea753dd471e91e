import DeviceProtocols
import DeviceTransports
import Foundation
import HardwareSims
import KioskDrivers
import KioskHAL

/// How the printer driver reaches the emulated printer in a conformance run.
enum PrinterTransport: String, CaseIterable, Sendable, CustomStringConvertible {
    /// An `InMemoryByteStream` pair.
    case memory
    /// A real pseudo-terminal: the emulator on the master, the driver opening the slave's stable
    /// link with `LinePrinterDevice`, exactly as it opens `/dev/usb/lp0`.
    case pty
    /// A real TCP connection on loopback: the emulator behind a listener, as a network printer
    /// on port 9100.
    case tcp

    var description: String { rawValue }
}

/// The printer's cable: hands the driver a fresh connection per open and the emulator the
/// other end; `unplug()` breaks the current connection and refuses opens until `replug()`.
actor PrinterPort {
    private let transport: PrinterTransport
    private let link: String
    private let listener: TCPListener?
    private let memoryEnds: AsyncStream<any ByteStream>
    private let memorySink: AsyncStream<any ByteStream>.Continuation
    private var deviceEnd: (any ByteStream)?
    private var terminal: PseudoTerminal?
    private var pluggedIn = true

    init(transport: PrinterTransport, link: String) throws {
        self.transport = transport
        self.link = link
        (memoryEnds, memorySink) = AsyncStream.makeStream(of: (any ByteStream).self)
        listener = transport == .tcp ? try TCPListener(host: "127.0.0.1", port: 0, name: "printer-9100") : nil
    }

    /// The driver's opener.
    func open() async throws -> any ByteStream {
        switch transport {
        case .memory:
            guard pluggedIn else { throw HALError(.disconnected, device: "printer0", detail: "cable unplugged") }
            let (host, device) = InMemoryByteStream.pair(name: "printer0")
            deviceEnd = device
            memorySink.yield(device)
            return host
        case .pty:
            if pluggedIn, terminal == nil {
                let pty = try PseudoTerminal(name: "printer0", linkPath: link)
                terminal = pty
                memorySink.yield(pty.master)
            }
            return try LinePrinterDevice(path: link, name: "printer0")
        case .tcp:
            guard pluggedIn, let listener else {
                throw HALError(.disconnected, device: "printer0", detail: "cable unplugged")
            }
            return try await TCPByteStream.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(10), name: "printer0")
        }
    }

    /// Records the emulator's end of the current connection, which `unplug()` breaks.
    private func attach(_ connection: any ByteStream) {
        deviceEnd = connection
    }

    /// Serves `emulator` on every connection the driver makes, until cancelled.
    func serve(_ emulator: EscPosPrinterEmulator) async {
        if let listener {
            await emulator.serveConnections(from: listener) { connection in await self.attach(connection) }
        } else {
            for await device in memoryEnds {
                try? await emulator.serve(on: device, poll: .milliseconds(20))
            }
        }
    }

    /// Pulls the cable: the current connection dies; opens fail until `replug()`.
    func unplug() async {
        pluggedIn = false
        await deviceEnd?.close()
        await terminal?.close()
        deviceEnd = nil
        terminal = nil
    }

    /// Puts the cable back.
    func replug() { pluggedIn = true }

    /// Closes everything.
    func shutdown() async {
        await unplug()
        await listener?.close()
        memorySink.finish()
    }
}

/// A `ReceiptPrinter` under test (the production ESC/POS driver) in front of the printer
/// emulator over one transport.
struct ReceiptPrinterRig: Sendable {
    let transport: PrinterTransport
    let printer: EscPosPrinter
    let emulator: EscPosPrinterEmulator
    let port: PrinterPort
    let log: EventLog<ReceiptPrinterEvent>

    /// Runs printer, emulator and event log over `transport` while `body` drives the test.
    static func with(
        _ transport: PrinterTransport, paperWidth: Int = 576, faults: PrinterFaultPlan = PrinterFaultPlan(),
        body: @Sendable (ReceiptPrinterRig) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("printer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try PrinterPort(transport: transport, link: directory.appendingPathComponent("printer0").path)
        let configuration = EscPosPrinterConfiguration(
            capabilities: ReceiptPrinterCapabilities(
                paperWidthDots: paperWidth, dotsPerInch: 203, hasCutter: true, reportsPaperNearEnd: true),
            statusTimeout: .seconds(5), statusPollInterval: .milliseconds(50), writeTimeout: .seconds(20),
            reconnectInitial: .milliseconds(20), reconnectMaximum: .milliseconds(200))
        let printer = EscPosPrinter(name: "printer0", configuration: configuration, clock: ContinuousClock()) {
            try await port.open()
        }
        let emulator = EscPosPrinterEmulator(core: try EscPosPrinterEmulatorCore(paperWidth: paperWidth, faults: faults))
        let rig = ReceiptPrinterRig(transport: transport, printer: printer, emulator: emulator, port: port, log: EventLog())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await printer.run() }
            group.addTask { await port.serve(emulator) }
            group.addTask {
                for await event in printer.events { await rig.log.append(event) }
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

    /// Waits until `event` was published after the `since`-th event.
    func saw(_ event: ReceiptPrinterEvent, since: Int = 0) async -> Bool {
        await eventually { await log.events.dropFirst(since).contains(event) }
    }

    /// Waits until the printer reports itself ready.
    func ready() async -> Bool { await eventually { await printer.status().isReadyToPrint } }

    /// A job of `image` (as wide as the paper), thresholded at mid-grey.
    static func job(id: String, image: GreyImage, feedLines: UInt8 = 3) throws -> ReceiptPrintJob {
        let bitmap = try MonoBitmap(image)
        return try ReceiptPrintJob(id: id, widthDots: bitmap.width, heightDots: bitmap.height, packedRows: bitmap.rows, feedLines: feedLines)
    }
}
