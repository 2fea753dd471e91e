import Foundation
import Glibc
import KioskHAL
import Testing
@testable import DeviceTransports

/// Opening input devices: the ioctl numbers, and every error path that this machine (no
/// `/dev/input`) can produce for real — a missing node, character devices, FIFOs and files that
/// are not evdev nodes.
@Suite struct EvdevDeviceTests {
    /// A fresh directory, removed by the caller.
    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evdev-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The error `EvdevDevice(path:)` throws.
    private func openError(_ path: String) throws -> HALError {
        do {
            let device = try EvdevDevice(path: path, name: "scanner0")
            Issue.record("\(path) opened as an input device: \(device.name)")
            throw CancellationError()
        } catch let error as HALError {
            return error
        }
    }

    @Test func requestNumbers_matchTheKernelHeaders() {
        #expect(EvdevRequest.grab == 0x4004_4590)          // _IOW('E', 0x90, int)
        #expect(EvdevRequest.getVersion == 0x8004_4501)    // _IOR('E', 0x01, int)
        #expect(EvdevRequest.getName(length: 256) == 0x8100_4506)
    }

    @Test func missingNode_isDisconnected_andNamesThePath() throws {
        let error = try openError("/dev/input/event-does-not-exist")
        #expect(error.kind == .disconnected)
        #expect(error.device == "scanner0")
        #expect(error.detail.contains("no such input device: /dev/input/event-does-not-exist"))
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func characterDeviceThatIsNotEvdev_isRefused(path: String) throws {
        let error = try openError(path)
        #expect(error.kind == .unsupported)
        #expect(error.detail.contains("not an evdev input node: \(path)"))
    }

    @Test func fifoAndRegularFile_areNotEvdevNodes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = "\(directory)/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let file = "\(directory)/file"
        #expect(FileManager.default.createFile(atPath: file, contents: Data(repeating: 0, count: 48)))
        for path in [fifo, file] {
            let error = try openError(path)
            #expect(error.kind == .unsupported)
            #expect(error.detail.contains("not an evdev input node"))
        }
        // And nothing stays open after the refusals
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
            .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
        #expect(!descriptors.contains(fifo) && !descriptors.contains(file))
    }

    @Test func permissionAndBusyErrors_sayWhatToDo() {
        // Root bypasses file modes here, so the mapping is checked directly
        let denied = EvdevFailure.open(EACCES, device: "scanner0", path: "/dev/input/event3")
        #expect(denied.kind == .unsupported)
        #expect(denied.detail.contains("permission denied") && denied.detail.contains("`input` group") && denied.detail.contains("udev"))
        let busy = EvdevFailure.ioctl(EBUSY, device: "scanner0", path: "/dev/input/event3", request: "EVIOCGRAB")
        #expect(busy.kind == .busy)
        #expect(busy.detail.contains("grab refused: another process holds /dev/input/event3"))
        let gone = EvdevFailure.ioctl(ENODEV, device: "scanner0", path: "/dev/input/event3", request: "EVIOCGRAB")
        #expect(gone.kind == .disconnected)
    }

    @Test func byIDLookup_listsKeyboardEventLinksOnly() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["usb-Honeywell_1470g_17123-event-kbd", "usb-Logitech_Mouse-event-mouse",
                     "usb-Newland_NLS-FR40_ABC-if01-event-kbd", "usb-Newland_NLS-FR40_ABC-kbd"] {
            try FileManager.default.createSymbolicLink(atPath: "\(directory)/\(name)", withDestinationPath: "../event9")
        }
        #expect(InputDeviceDirectory.keyboardLinks(in: directory) == [
            "\(directory)/usb-Honeywell_1470g_17123-event-kbd",
            "\(directory)/usb-Newland_NLS-FR40_ABC-if01-event-kbd",
        ])
        #expect(InputDeviceDirectory.keyboardLink(matching: "honeywell", in: directory)
            == "\(directory)/usb-Honeywell_1470g_17123-event-kbd")
        #expect(InputDeviceDirectory.keyboardLink(matching: "usb-", in: directory) == nil)  // ambiguous
        #expect(InputDeviceDirectory.keyboardLinks(in: "\(directory)/absent").isEmpty)
    }
}
