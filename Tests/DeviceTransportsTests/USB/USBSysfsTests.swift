import Foundation
import Testing
@testable import DeviceTransports

@Suite struct USBSysfsTests {
    typealias F = USBDescriptorFixtures

    /// A throw-away tree shaped like /sys/bus/usb/devices with one printer at 1-1.4.
    private func tree(descriptors: [UInt8], configurationValue: String = "1\n") throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("usb-sysfs-\(UUID().uuidString)").path
        let device = "\(root)/1-1.4"
        try FileManager.default.createDirectory(atPath: device, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root)/drivers/usblp", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root)/1-1.4:1.0", withIntermediateDirectories: true)
        try Data(descriptors).write(to: URL(fileURLWithPath: "\(device)/descriptors"))
        try Data(configurationValue.utf8).write(to: URL(fileURLWithPath: "\(device)/bConfigurationValue"))
        try FileManager.default.createSymbolicLink(atPath: "\(root)/1-1.4:1.0/driver", withDestinationPath: "../drivers/usblp")
        return root
    }

    private let printer = USBDeviceSummary(vendorID: 0x0416, productID: 0x5011, deviceClass: 0, bus: 1, portPath: [1, 4], address: 5)

    @Test func activeConfiguration_andBoundDriver_comeFromTheKernelsCopy() throws {
        let second = F.wrap(interfaces: 1, value: 2, [F.interface(0, endpoints: 1, cls: 7, sub: 1, proto: 1), F.endpoint(0x01)])
        let root = try tree(descriptors: F.deviceDescriptor + F.thermalPrinter + second, configurationValue: "2\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sysfs = USBSysfs(root: root)

        let configuration = try sysfs.activeConfiguration(of: printer)
        #expect(configuration.value == 2)
        #expect(sysfs.kernelDriver(of: printer, configuration: 1, interface: 0) == "usblp")
        #expect(sysfs.kernelDriver(of: printer, configuration: 1, interface: 1) == nil)
    }

    @Test func missingOrMalformedFiles_areExplained() throws {
        let root = try tree(descriptors: F.deviceDescriptor + Array(F.thermalPrinter.prefix(20)))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sysfs = USBSysfs(root: root)
        #expect(throws: USBSysfsError.malformed(path: "\(root)/1-1.4/descriptors", .totalLengthExceedsData(declared: 32, available: 20))) { () throws in
            try sysfs.activeConfiguration(of: printer)
        }
        let elsewhere = USBDeviceSummary(vendorID: 1, productID: 2, deviceClass: 0, bus: 3, portPath: [], address: 1)
        #expect(throws: USBSysfsError.unreadable(path: "\(root)/usb3/descriptors")) { () throws in
            try sysfs.activeConfiguration(of: elsewhere)
        }
    }
}
