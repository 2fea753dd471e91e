import DeviceTransports
import KioskDrivers
import Testing

/// Records as a scan would produce them.
enum USBRecords {
    static func printer(port: [UInt8], address: UInt8, bus: UInt8 = 1) -> USBDeviceRecord {
        USBDeviceRecord(
            summary: USBDeviceSummary(vendorID: 0x0416, productID: 0x5011, deviceClass: 0, bus: bus, portPath: port, address: address),
            interfaceClasses: ["07/01/02"], manufacturer: "Xprinter", product: "XP-80", serialNumber: nil)
    }

    static func scanner(port: [UInt8], address: UInt8) -> USBDeviceRecord {
        USBDeviceRecord(
            summary: USBDeviceSummary(vendorID: 0x0c2e, productID: 0x0b61, deviceClass: 0, bus: 1, portPath: port, address: address),
            interfaceClasses: ["02/02/01", "0a/00/00"], stringsProblem: "cannot open: LIBUSB_ERROR_ACCESS")
    }
}

@Suite struct USBInventoryTrackerTests {
    @Test func firstScan_reportsEveryDeviceArrived_inLocationOrder() {
        var tracker = USBInventoryTracker()
        let printer = USBRecords.printer(port: [1, 4], address: 7)
        let scanner = USBRecords.scanner(port: [1, 2], address: 5)
        #expect(tracker.update([printer, scanner]) == [.arrived(scanner), .arrived(printer)])
        #expect(tracker.devices == [scanner, printer])
    }

    @Test func sameScanAgain_reportsNothing() {
        var tracker = USBInventoryTracker()
        let printer = USBRecords.printer(port: [1, 4], address: 7)
        _ = tracker.update([printer])
        #expect(tracker.update([printer]).isEmpty)
        #expect(tracker.update([printer]).isEmpty)
    }

    @Test func unplug_reportsLeftOnce() {
        var tracker = USBInventoryTracker()
        let printer = USBRecords.printer(port: [1, 4], address: 7)
        _ = tracker.update([printer])
        #expect(tracker.update([]) == [.left(printer)])
        #expect(tracker.update([]).isEmpty)
    }

    @Test func replugInTheSamePort_withANewAddress_isLeftThenArrived() {
        var tracker = USBInventoryTracker()
        let before = USBRecords.printer(port: [1, 4], address: 7)
        let after = USBRecords.printer(port: [1, 4], address: 8)
        _ = tracker.update([before])
        #expect(tracker.update([after]) == [.left(before), .arrived(after)])
    }

    @Test func twoIdenticalPrinters_areToldApartByPortPath() {
        var tracker = USBInventoryTracker()
        let left = USBRecords.printer(port: [1, 4], address: 7)
        let right = USBRecords.printer(port: [1, 5], address: 7, bus: 1)
        #expect(tracker.update([left, right]) == [.arrived(left), .arrived(right)])
        #expect(tracker.update([left]) == [.left(right)])
        #expect(tracker.devices == [left])
    }

    @Test func changedStrings_ofTheSamePlugIn_areNotAnEvent() {
        var tracker = USBInventoryTracker()
        let unreadable = USBRecords.scanner(port: [1, 2], address: 5)
        _ = tracker.update([unreadable])
        let readable = USBDeviceRecord(summary: unreadable.summary, interfaceClasses: unreadable.interfaceClasses, manufacturer: "Honeywell")
        #expect(tracker.update([readable]).isEmpty)
        #expect(tracker.devices.first?.manufacturer == "Honeywell")
    }
}
