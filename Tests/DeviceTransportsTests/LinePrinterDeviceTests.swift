#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KioskHAL
import Testing
@testable import DeviceTransports

/// `LinePrinterDevice`, the `/dev/usb/lpN` stream, opened on what this machine has: missing
/// paths, a directory, a FIFO and a PTY slave (this machine has no USB).
@Suite struct LinePrinterDeviceTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func missingNode_isDisconnected_namingThePathAndTheLikelyCause() throws {
        let error = #expect(throws: HALError.self) { () throws in
            _ = try LinePrinterDevice(path: "/dev/usb/lp97", name: "printer0")
        }
        #expect(error?.kind == .disconnected)
        #expect(error?.device == "printer0")
        #expect(error?.detail.contains("/dev/usb/lp97") == true)
        #expect(error?.detail.contains("usblp") == true)
    }

    @Test func directory_isRefusedAsNotADevice() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: HALError.self) { () throws in
            _ = try LinePrinterDevice(path: directory.path)
        }
        #expect(error?.kind == .unsupported)
        #expect(error?.detail.contains("directory") == true)
    }

    @Test func openErrors_mapPermissionAndBusyToTheirKinds() {
        #expect(LinePrinterDevice.openFailure(EACCES, device: "p", path: "/dev/usb/lp0").kind == .unsupported)
        #expect(LinePrinterDevice.openFailure(EACCES, device: "p", path: "/dev/usb/lp0").detail.contains("group lp"))
        #expect(LinePrinterDevice.openFailure(EBUSY, device: "p", path: "/dev/usb/lp0").kind == .busy)
        #expect(LinePrinterDevice.openFailure(ENODEV, device: "p", path: "/dev/usb/lp0").kind == .disconnected)
    }

    @Test func fifo_opensReadWrite_andCarriesBytes() async throws {
        // Given a FIFO where a device node would be (opened O_RDWR, it never blocks on open)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("lp0").path
        #expect(mkfifo(path, 0o600) == 0)
        let device = try LinePrinterDevice(path: path, name: "printer0")
        // When bytes are written, Then the same descriptor reads them back in order
        try await device.write([0x1B, 0x40, 0x10, 0x04, 0x01], timeout: hangGuard)
        #expect(try await readExactly(device, count: 5) == [0x1B, 0x40, 0x10, 0x04, 0x01])
        #expect(device.name == "printer0" && device.path == path)
        await device.close()
        await #expect(throws: HALError.self) { () async throws in
            try await device.write([0x00], timeout: .seconds(1))
        }
    }

    @Test func ptySlave_isAByteStreamBothWays_andTheMasterClosingIsDisconnected() async throws {
        let pty = try PseudoTerminal(name: "printer0")
        let device = try LinePrinterDevice(path: pty.devicePath)
        try await device.write(allByteValues, timeout: hangGuard)
        #expect(try await readExactly(pty.master, count: 256) == allByteValues)
        try await pty.master.write([0x12, 0x16], timeout: hangGuard)
        #expect(try await readExactly(device, count: 2) == [0x12, 0x16])
        // When the far end goes away (unplug), Then reads fail as disconnected
        await pty.close()
        let error = await #expect(throws: HALError.self) { () async throws in
            _ = try await device.read(maxCount: 1, timeout: hangGuard)
        }
        #expect(error?.kind == .disconnected)
        await device.close()
    }
}
