import Foundation
import Testing
@testable import DeviceTransports

@Suite struct USBHotplugListenerTests {
    @Test func listener_startsAndStopsOnThisMachine_andReportsOnlyWhatIsAttached() async throws {
        // Given the real libusb session of this machine
        let context = try USBContext()
        let attached = try context.devices()
        guard let listener = USBHotplugListener.start(context: context) else {
            // No USB or no hotplug support: nothing to listen to, and nothing crashed
            #expect(!context.isUSBAvailable || !USBHotplugListener.isSupported)
            return
        }

        // When it is stopped again
        listener.stop()
        listener.stop()

        // Then its stream ends, having announced (ENUMERATE) at most the attached devices
        var arrivals: [USBDeviceSummary] = []
        for await change in listener.changes {
            if case .arrived(let device) = change { arrivals.append(device) }
        }
        #expect(Set(arrivals).isSubset(of: Set(attached)))
    }

    @Test func inventory_onThisMachine_listsWhatLibusbLists() throws {
        let context = try USBContext()
        let records = try context.inventory()
        #expect(records.map(\.summary) == (try context.devices()))
        if !FileManager.default.fileExists(atPath: USBContext.defaultDeviceDirectory) {
            #expect(records.isEmpty)
        }
    }
}
