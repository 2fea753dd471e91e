import Foundation
import Testing
@testable import DeviceTransports

@Suite struct USBContextTests {
    @Test func devices_listsWhatIsAttached_andNothingWithoutUSB() throws {
        // Given a libusb context on this machine
        let hasUSB = FileManager.default.fileExists(atPath: USBContext.defaultDeviceDirectory)
        let context = try USBContext()

        // When the devices are listed
        let devices = try context.devices()

        // Then a machine without /dev/bus/usb lists nothing; otherwise every entry has a
        // location on a real bus (root hubs have an empty port path, e.g. "1-")
        if hasUSB {
            #expect(context.isUSBAvailable)
            for device in devices {
                #expect(device.bus > 0)
                #expect(device.location.hasPrefix("\(device.bus)-"))
                #expect(!device.location.isEmpty)
            }
        } else {
            #expect(devices == [])
        }
    }

    @Test func devices_calledTwice_isStableAndSorted() throws {
        let context = try USBContext()
        let first = try context.devices()
        let second = try context.devices()
        #expect(first == second)
        #expect(first.map(\.bus) == first.map(\.bus).sorted())
    }

    @Test func severalContexts_canLiveSideBySide() throws {
        // Given two independent sessions (e.g. inventory and a printer driver)
        let inventory = try USBContext()
        let printer = try USBContext()

        // Then both enumerate the same devices
        #expect(try inventory.devices() == printer.devices())
    }

    @Test func initFailure_isNoUSBOnlyWhenTheDeviceDirectoryIsAbsent() {
        // LIBUSB_ERROR_OTHER (-99) is what a sandbox without udev's netlink socket returns
        #expect(USBContext.treatsInitFailureAsNoUSB(status: -99, deviceDirectoryExists: false))
        #expect(!USBContext.treatsInitFailureAsNoUSB(status: -99, deviceDirectoryExists: true))
        #expect(!USBContext.treatsInitFailureAsNoUSB(status: -3, deviceDirectoryExists: true))
        #expect(!USBContext.treatsInitFailureAsNoUSB(status: 0, deviceDirectoryExists: false))
    }

    @Test func errorName_usesLibusbNames() {
        #expect(USBContext.errorName(-3) == "LIBUSB_ERROR_ACCESS")
        #expect(USBContext.errorName(-4) == "LIBUSB_ERROR_NO_DEVICE")
        #expect(USBContext.errorName(-99) == "LIBUSB_ERROR_OTHER")
        #expect(USBContextError.initFailed(code: -99, name: "LIBUSB_ERROR_OTHER").description
            == "libusb_init failed: LIBUSB_ERROR_OTHER (-99)")
    }
}
