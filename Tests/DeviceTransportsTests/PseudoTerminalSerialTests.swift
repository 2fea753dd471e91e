import Foundation
import KioskHAL
import Testing
@testable import DeviceTransports
import TestSupport

/// The driver side (`SerialPort` on the slave) against the emulator side (the PTY master).
@Suite struct PseudoTerminalSerialTests {
    /// A fresh directory for symlinks, removed by the caller.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Descriptors this process holds now.
    private func openDescriptorCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    @Test func allByteValues_passUnchanged_inBothDirections() async throws {
        // Given an emulator on a PTY master and a driver on its slave at 19200 8N1
        let pty = try PseudoTerminal(name: "lockbus0")
        let port = try SerialPort(path: pty.devicePath, baudRate: .b19200)

        // When each side sends every byte value (CR, LF, XON/XOFF, ^C and DEL included)
        try await port.write(allByteValues, timeout: hangGuard)
        let atEmulator = try await readExactly(pty.master, count: 256)
        try await pty.master.write(allByteValues, timeout: hangGuard)
        let atDriver = try await readExactly(port, count: 256)

        // Then both sides receive exactly what was sent
        #expect(atEmulator == allByteValues)
        #expect(atDriver == allByteValues)
        await port.close()
        await pty.close()
    }

    @Test func randomBlobOf64KiB_passesBothWays() async throws {
        // Given a PTY pair and 64 KiB of seeded random bytes per direction
        let pty = try PseudoTerminal(name: "blob")
        let port = try SerialPort(path: pty.slavePath, baudRate: .b115200)
        var generator = SplitMix64(seed: 0xB10B)
        let toDevice = generator.bytes(65_536)
        let toDriver = generator.bytes(65_536)

        // When both sides write and read at the same time (the kernel buffer is smaller)
        async let emulatorReceived = readExactly(pty.master, count: toDevice.count)
        async let driverReceived = readExactly(port, count: toDriver.count)
        async let driverSent: Void = port.write(toDevice, timeout: hangGuard)
        async let emulatorSent: Void = pty.master.write(toDriver, timeout: hangGuard)
        try await driverSent
        try await emulatorSent

        // Then every byte arrives in order
        #expect(try await emulatorReceived == toDevice)
        #expect(try await driverReceived == toDriver)
        await port.close()
        await pty.close()
    }

    @Test func symlink_pointsAtTheSlave_andIsRemovedOnClose() async throws {
        // Given a PTY with a stable link path
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("lockbus0").path
        let pty = try PseudoTerminal(name: "lockbus0", linkPath: link)

        // Then the link exists and points at the slave, and a driver can open it
        #expect(SymbolicLink.destination(of: link) == pty.slavePath)
        #expect(pty.devicePath == link)
        let port = try SerialPort(path: link, baudRate: .b9600)
        await port.close()

        // When the PTY closes, the link is gone
        await pty.close()
        #expect(!FileManager.default.fileExists(atPath: link))
        #expect(SymbolicLink.destination(of: link) == nil)
    }

    @Test func closingTheMaster_failsTheDriversWaitingRead_andLaterWrite_withDisconnected() async throws {
        // Given a driver waiting for a reply with a long hang guard
        let pty = try PseudoTerminal(name: "unplug")
        let port = try SerialPort(path: pty.slavePath, baudRate: .b19200)
        async let waitingRead = halErrorKind { _ = try await port.read(maxCount: 9, timeout: .seconds(60)) }

        // When the emulator side is closed (the adapter is pulled)
        try await Task.sleep(for: .milliseconds(20))
        await pty.close()

        // Then the waiting read and the next write fail with .disconnected instead of hanging
        #expect(await waitingRead == .disconnected)
        let write = await halErrorKind { try await port.write([0x02, 0x00, 0x30, 0x03, 0x35], timeout: hangGuard) }
        #expect(write == .disconnected)
        await port.close()
    }

    @Test func openingAMissingPath_throwsDisconnectedNamingThePath() {
        // Given a path where no device exists
        let path = "/dev/kiosk-missing-\(UUID().uuidString)"

        // When a driver opens it
        #expect {
            _ = try SerialPort(path: path, baudRate: .b19200)
        } throws: { error in
            // Then the error says disconnected / no such device and names the path
            guard let error = error as? HALError else { return false }
            return error.kind == .disconnected && error.detail.contains("no such device") && error.detail.contains(path)
        }
    }

    @Test func openingARegularFile_throwsUnsupportedNotATerminal() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plain").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data([1])))
        let kind: HALError.Kind?
        do {
            _ = try SerialPort(path: file, baudRate: .b9600)
            kind = nil
        } catch {
            kind = error.kind
        }
        #expect(kind == .unsupported)
    }

    @Test func unsupportedBaudRate_isRejectedBeforeOpening() {
        #expect(throws: HALError(.unsupported, device: "lockbus0", detail:
            "baud rate 4800 is not supported (supported: 9600, 19200, 38400, 57600, 115200)")) {
            _ = try SerialPort(path: "/dev/null", bitsPerSecond: 4800, name: "lockbus0")
        }
    }

    @Test func portRemovedAndRecreatedAtTheSameLink_canBeOpenedAgain() async throws {
        // Given a driver that talked over a linked PTY which was then unplugged
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("scanner0").path
        let first = try PseudoTerminal(name: "scanner0", linkPath: link)
        let oldPort = try SerialPort(path: link, baudRate: .b9600)
        await first.close()
        let kind = await halErrorKind { _ = try await oldPort.read(maxCount: 1, timeout: hangGuard) }
        #expect(kind == .disconnected)
        await oldPort.close()

        // When a new PTY appears at the same link and the driver reopens the path
        let second = try PseudoTerminal(name: "scanner0", linkPath: link)
        let newPort = try SerialPort(path: link, baudRate: .b9600)

        // Then bytes flow again
        try await second.master.write([0x5D, 0x51, 0x31, 0x0D], timeout: hangGuard)
        #expect(try await readExactly(newPort, count: 4) == [0x5D, 0x51, 0x31, 0x0D])
        await newPort.close()
        await second.close()
    }

    @Test func driverReopeningThePort_doesNotDisconnectTheEmulator() async throws {
        // Given a driver that closes and reopens the same PTY (exclusivity released on close)
        let pty = try PseudoTerminal(name: "reopen")
        let first = try SerialPort(path: pty.slavePath, baudRate: .b19200)
        await first.close()
        let second = try SerialPort(path: pty.slavePath, baudRate: .b19200)

        // When the driver sends on the new port
        try await second.write([0x02, 0x00, 0x30, 0x03, 0x35], timeout: hangGuard)

        // Then the emulator still receives it
        #expect(try await readExactly(pty.master, count: 5) == [0x02, 0x00, 0x30, 0x03, 0x35])
        await second.close()
        await pty.close()
    }

    @Test func readTimeoutAndCancellation_onASerialPort() async throws {
        // Given a quiet emulator
        let pty = try PseudoTerminal(name: "quiet")
        let port = try SerialPort(path: pty.slavePath, baudRate: .b19200)

        // When the driver reads briefly, and then a long read is cancelled
        let kind = await halErrorKind { _ = try await port.read(maxCount: 1, timeout: .milliseconds(30)) }
        let waiting = Task { try await port.read(maxCount: 1, timeout: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(20))
        waiting.cancel()

        // Then the first times out and the second ends with CancellationError
        #expect(kind == .timedOut)
        await #expect(throws: CancellationError.self) { try await waiting.value }
        await port.close()
        await pty.close()
    }

    @Test func manyPortsOpenedAndClosed_leakNoDescriptors() async throws {
        // Given the descriptor count before
        let before = try openDescriptorCount()

        // When 200 PTYs are created, used once and closed
        for index in 0 ..< 200 {
            let pty = try PseudoTerminal(name: "leak\(index)")
            let port = try SerialPort(path: pty.slavePath, baudRate: .b19200)
            try await port.write([UInt8(truncatingIfNeeded: index)], timeout: hangGuard)
            _ = try await pty.master.read(maxCount: 1, timeout: hangGuard)
            await port.close()
            await pty.close()
        }

        // Then the process holds no more descriptors than before (other suites run in
        // parallel, so allow for their momentary use)
        #expect(try openDescriptorCount() <= before + 40)
    }
}
