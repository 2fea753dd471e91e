import KioskHAL
import Testing
@testable import DeviceTransports

@Suite struct USBDeviceMatchTests {
    private let left = USBDeviceSummary(vendorID: 0x0416, productID: 0x5011, deviceClass: 0, bus: 1, portPath: [1, 4], address: 7)
    private let right = USBDeviceSummary(vendorID: 0x0416, productID: 0x5011, deviceClass: 0, bus: 1, portPath: [1, 5], address: 9)
    private let hub = USBDeviceSummary(vendorID: 0x1d6b, productID: 0x0002, deviceClass: 9, bus: 1, portPath: [], address: 1)

    @Test func parse_readsIdsAndOptionalPortPath() throws {
        let plain = try USBDeviceMatch(parsing: "0416:5011")
        #expect(plain.vendorID == 0x0416 && plain.productID == 0x5011 && plain.location == nil)
        let placed = try USBDeviceMatch(parsing: "04b8:0E28@2-1.4.3")
        #expect(placed.location?.bus == 2 && placed.location?.ports == [1, 4, 3])
        #expect(placed.description == "04b8:0e28@2-1.4.3")
        for bad in ["0416", "0416:50", "zzzz:5011", "0416:5011@", "0416:5011@1", "0416:5011@1-", "0416:5011@1-1..4", "0416:5011@0-1", "0416:5011@1-0", "a:b:c", "0416:5011@1-1@2"] {
            #expect(throws: HALError.self) { () throws in try USBDeviceMatch(parsing: bad) }
        }
    }

    @Test func twoIdenticalPrinters_areToldApartOnlyByPortPath() throws {
        let devices = [hub, left, right]
        let ambiguous = try USBDeviceMatch(parsing: "0416:5011")
        do {
            _ = try ambiguous.choose(from: devices)
            Issue.record("two matches must not be chosen silently")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.detail == "2 devices match 0416:5011 (at 1-1.4, 1-1.5); configure the port path, e.g. 0416:5011@1-1.4")
        }
        #expect(try USBDeviceMatch(parsing: "0416:5011@1-1.5").choose(from: devices) == right)
        #expect(try USBDeviceMatch(parsing: "0416:5011@1-1.4").choose(from: devices) == left)
    }

    @Test func absentDevice_isDisconnected() {
        #expect(throws: HALError(.disconnected, device: "0416:5011@1-2", detail: "no USB device 0416:5011@1-2 attached (3 USB devices seen)")) { () throws in
            try USBDeviceMatch(parsing: "0416:5011@1-2").choose(from: [hub, left, right])
        }
    }

    @Test func openOnThisMachine_reportsTheMissingPrinter_notACrash() async throws {
        let context = try USBContext()
        let attached = try context.devices()
        let match = USBDeviceMatch(vendorID: 0x0416, productID: 0x5011, bus: 9, ports: [7])
        do {
            _ = try USBPrinterStream.open(context: context, match: match, name: "printer0")
            Issue.record("no printer is attached at 9-7")
        } catch {
            #expect(error.kind == .disconnected)
            #expect(error.detail == "no USB device 0416:5011@9-7 attached (\(attached.count) USB devices seen)")
        }
        do {
            _ = try await USBPrinterStream.connect(context: context, match: match, name: "printer0")
            Issue.record("no printer is attached at 9-7")
        } catch {
            #expect(error.kind == .disconnected)
        }
    }
}
