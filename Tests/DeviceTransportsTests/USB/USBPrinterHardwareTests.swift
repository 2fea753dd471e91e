import Foundation
import KioskHAL
import Testing
@testable import DeviceTransports

/// Runs only on a kiosk with a printer attached: `KIOSK_HIL=1 KIOSK_HIL_USB_PRINTER=0416:5011@1-1.4
/// swift test --filter USBPrinterHardwareTests`. Exercises the libusb shell this CI machine cannot
/// (open, usblp detach, claim, real bulk and control transfers, re-attach on close).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KIOSK_HIL"] == "1", "needs KIOSK_HIL=1 and a USB printer"))
struct USBPrinterHardwareTests {
    @Test func realPrinter_takesInit_answersPortStatus_andRealTimeStatus() async throws {
        // Given the configured printer, opened over libusb
        let spec = try #require(ProcessInfo.processInfo.environment["KIOSK_HIL_USB_PRINTER"], "set KIOSK_HIL_USB_PRINTER=vvvv:pppp[@bus-port]")
        let context = try USBContext()
        let printer = try await USBPrinterStream.connect(context: context, match: try USBDeviceMatch(parsing: spec), name: "hil-printer")
        print("opened: " + printer.openingNotes.joined(separator: "; "))

        // Then GET_PORT_STATUS answers with paper loaded and the printer on-line
        #expect(try await printer.portStatus().condition == .ready)

        // and ESC @ goes out on the bulk OUT endpoint
        try await printer.write([0x1B, 0x40], timeout: .seconds(5))

        // and a bidirectional printer answers DLE EOT 1 with the fixed pattern 0xx1xx10
        if printer.interface.bulkIn != nil {
            try await printer.discardInput()
            try await printer.write([0x10, 0x04, 0x01], timeout: .seconds(5))
            let reply = try await printer.read(maxCount: 1, timeout: .seconds(5))
            #expect(reply.count == 1 && reply[0] & 0x93 == 0x12)
        }
        await printer.close()
    }
}
