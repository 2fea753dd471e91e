import Testing
@testable import DeviceTransports

@Suite struct USBDeviceSummaryTests {
    @Test func vidPidAndLocation_printLikeLsusbAndSysfs() {
        let printer = USBDeviceSummary(vendorID: 0x0416, productID: 0x5011, deviceClass: 0, bus: 1, portPath: [1, 4])
        #expect(printer.vidPid == "0416:5011")
        #expect(printer.location == "1-1.4")
    }
}
