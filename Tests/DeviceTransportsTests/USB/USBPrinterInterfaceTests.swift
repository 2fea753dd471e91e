import Testing
@testable import DeviceTransports

@Suite struct USBPrinterInterfaceTests {
    typealias F = USBDescriptorFixtures

    private func select(_ bytes: [UInt8]) throws -> USBPrinterInterface {
        try USBPrinterInterface.select(from: USBDescriptorParser.parseConfiguration(bytes))
    }

    @Test func thermalPrinter_isBidirectionalOnItsDescribedEndpoints() throws {
        let printer = try select(F.thermalPrinter)
        #expect(printer.number == 0)
        #expect(printer.printerProtocol == .bidirectional)
        #expect(printer.bulkOut.address == 0x01)
        #expect(printer.bulkIn?.address == 0x82)
        #expect(printer.summary == "interface 0 alt 0, protocol 2, OUT 0x01, IN 0x82")
    }

    @Test func composite_findsThePrinterAsSecondInterface_withItsOwnEndpoints() throws {
        let printer = try select(F.compositeWithPrinterSecond)
        #expect(printer.number == 1)
        #expect(printer.bulkOut.address == 0x03)
        #expect(printer.bulkOut.maxPacketSize == 512)
        #expect(printer.bulkIn?.address == 0x84)
    }

    @Test func unidirectionalPrinter_hasNoInEndpoint() throws {
        let printer = try select(F.unidirectionalPrinter)
        #expect(printer.printerProtocol == .unidirectional)
        #expect(printer.bulkOut.address == 0x02)
        #expect(printer.bulkIn == nil)
        #expect(printer.summary.hasSuffix("no IN endpoint"))
    }

    @Test func bidirectionalPreferred_overUnidirectionalAndIEEE1284_4() throws {
        let printer = try select(F.threeAlternateSettings)
        #expect(printer.alternateSetting == 1)
        #expect(printer.printerProtocol == .bidirectional)
    }

    @Test func protocolTwoWithoutIn_isUsedAsUnidirectional() throws {
        let printer = try select(F.wrap(interfaces: 1, [F.interface(0, endpoints: 1, cls: 7, sub: 1, proto: 2), F.endpoint(0x01)]))
        #expect(printer.printerProtocol == .unidirectional)
        #expect(printer.bulkIn == nil)
    }

    @Test func noUsablePrinterInterface_saysWhatIsThere() throws {
        #expect(throws: USBPrinterSelectionError.noPrinterInterface(found: ["ff/00/00"])) { () throws in try select(F.vendorClassOnly) }
        let only1284 = F.wrap(interfaces: 1, [F.interface(0, endpoints: 1, cls: 7, sub: 1, proto: 3), F.endpoint(0x01)])
        #expect(throws: USBPrinterSelectionError.onlyIEEE1284_4(interface: 0)) { () throws in try select(only1284) }
        let inOnly = F.wrap(interfaces: 1, [F.interface(0, endpoints: 1, cls: 7, sub: 1, proto: 2), F.endpoint(0x81)])
        #expect(throws: USBPrinterSelectionError.noBulkOut(settings: ["0/0 07/01/02"])) { () throws in try select(inOnly) }
        let interruptOut = F.wrap(interfaces: 1, [F.interface(0, endpoints: 1, cls: 7, sub: 1, proto: 1), F.endpoint(0x01, type: 0x03)])
        #expect(throws: USBPrinterSelectionError.self) { () throws in try select(interruptOut) }
        #expect(USBPrinterSelectionError.noPrinterInterface(found: ["ff/00/00"]).description
            == "no printer-class interface (07/01/xx); interfaces present: ff/00/00")
    }
}

@Suite struct USBPrinterPortStatusTests {
    @Test func setupBytes_matchThePrinterClassRequests() {
        // GET_PORT_STATUS: wIndex is the plain interface number (usblp does the same)
        #expect(USBControlSetup.getPortStatus(interface: 0).bytes == [0xA1, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00])
        #expect(USBControlSetup.getPortStatus(interface: 2).bytes == [0xA1, 0x01, 0x00, 0x00, 0x02, 0x00, 0x01, 0x00])
        // GET_DEVICE_ID: wIndex = interface << 8 | alternate setting, little-endian on the wire
        #expect(USBControlSetup.getDeviceID(configurationIndex: 0, interface: 1, alternateSetting: 2).bytes
            == [0xA1, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x04])
        #expect(USBControlSetup.getConfigurationDescriptor(index: 0, length: 9).bytes
            == [0x80, 0x06, 0x00, 0x02, 0x00, 0x00, 0x09, 0x00])
        #expect(USBControlSetup.getPortStatus(interface: 0).isIn)
    }

    @Test func statusByte_decodesPaperSelectedAndError() {
        #expect(USBPrinterPortStatus(raw: 0x18).condition == .ready)
        #expect(USBPrinterPortStatus(raw: 0x38).condition == .paperOut)
        #expect(USBPrinterPortStatus(raw: 0x30).condition == .paperOut)
        #expect(USBPrinterPortStatus(raw: 0x08).condition == .offline)
        #expect(USBPrinterPortStatus(raw: 0x00).condition == .offline)
        #expect(USBPrinterPortStatus(raw: 0x10).condition == .error)
        // reserved bits do not change the meaning
        #expect(USBPrinterPortStatus(raw: 0xC7 | 0x18).condition == .ready)
        #expect(USBPrinterPortStatus(raw: 0x38).description == "0x38 (paper empty, selected, no error)")
        #expect(USBPrinterPortStatus(reply: [0x18]) == USBPrinterPortStatus(raw: 0x18))
        #expect(USBPrinterPortStatus(reply: []) == nil)
        #expect(USBPrinterPortStatus(reply: [0x18, 0x00]) == nil)
    }

    @Test func stallErrors_followTheStatus() {
        #expect(USBPrinterPortStatus(raw: 0x38).stallError(device: "p", endpoint: "0x01").kind == .outOfSupplies)
        #expect(USBPrinterPortStatus(raw: 0x08).stallError(device: "p", endpoint: "0x01").kind == .mechanical)
        #expect(USBPrinterPortStatus(raw: 0x10).stallError(device: "p", endpoint: "0x01").kind == .mechanical)
        #expect(USBPrinterPortStatus(raw: 0x18).stallError(device: "p", endpoint: "0x01").kind == .protocolViolation)
        #expect(USBPrinterPortStatus(raw: 0x08).stallError(device: "p", endpoint: "0x01").detail
            == "endpoint 0x01 stalled: printer off-line (cover open or paused), port status 0x08 (not selected, no error)")
    }
}
