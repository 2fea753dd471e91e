import Testing
import TestSupport
@testable import DeviceTransports

@Suite struct USBDescriptorParserTests {
    typealias F = USBDescriptorFixtures

    @Test func thermalPrinter_parsesOneInterfaceWithBulkOutAndIn() throws {
        let configuration = try USBDescriptorParser.parseConfiguration(F.thermalPrinter)

        #expect(configuration.totalLength == 32)
        #expect(configuration.value == 1)
        #expect(configuration.declaredInterfaceCount == 1)
        #expect(configuration.interfaces.count == 1)
        let interface = try #require(configuration.interfaces.first)
        #expect(interface.classTriple == "07/01/02")
        #expect(interface.endpoints.map(\.address) == [0x01, 0x82])
        #expect(interface.endpoints.map(\.transferType) == [.bulk, .bulk])
        #expect(interface.endpoints.map(\.isIn) == [false, true])
        #expect(interface.endpoints.map(\.maxPacketSize) == [64, 64])
    }

    @Test func composite_skipsAssociationAndHIDDescriptors_andKeepsBothInterfaces() throws {
        let configuration = try USBDescriptorParser.parseConfiguration(F.compositeWithPrinterSecond)

        #expect(configuration.interfaces.map(\.number) == [0, 1])
        #expect(configuration.skippedDescriptorCount == 2)
        #expect(configuration.interfaceClassTriples == ["03/01/01", "07/01/02"])
        #expect(configuration.interfaces[0].endpoints.map(\.transferType) == [.interrupt])
        #expect(configuration.interfaces[1].endpoints.map(\.maxPacketSize) == [64, 512])
    }

    @Test func bytesAfterTotalLength_areNotRead() throws {
        let configuration = try USBDescriptorParser.parseConfiguration(F.thermalPrinter + [0xDE, 0xAD])
        #expect(configuration.totalLength == 32)
    }

    @Test func everyTruncationOfAValidConfiguration_isRefusedWithAPreciseError() {
        for length in 0..<F.thermalPrinter.count {
            let prefix = Array(F.thermalPrinter.prefix(length))
            #expect(throws: USBDescriptorError.self) { () throws in try USBDescriptorParser.parseConfiguration(prefix) }
        }
        #expect(throws: USBDescriptorError.truncated(what: "configuration descriptor", offset: 0, needed: 9, available: 5)) { () throws in
            try USBDescriptorParser.parseConfiguration(Array(F.thermalPrinter.prefix(5)))
        }
        #expect(throws: USBDescriptorError.totalLengthExceedsData(declared: 32, available: 31)) { () throws in
            try USBDescriptorParser.parseConfiguration(Array(F.thermalPrinter.prefix(31)))
        }
    }

    @Test func malformedDescriptors_nameTheOffendingOffset() {
        var wrongType = F.thermalPrinter
        wrongType[1] = 0x01
        #expect(throws: USBDescriptorError.wrongType(offset: 0, expected: 0x02, found: 0x01)) { () throws in
            try USBDescriptorParser.parseConfiguration(wrongType)
        }
        var zeroLength = F.thermalPrinter
        zeroLength[18] = 0x00
        #expect(throws: USBDescriptorError.invalidLength(offset: 18, type: 0x05, length: 0, minimum: 2)) { () throws in
            try USBDescriptorParser.parseConfiguration(zeroLength)
        }
        var shortEndpoint = F.thermalPrinter
        shortEndpoint[25] = 0x06
        #expect(throws: USBDescriptorError.self) { () throws in try USBDescriptorParser.parseConfiguration(shortEndpoint) }
        var overrun = F.thermalPrinter
        overrun[25] = 0x09
        #expect(throws: USBDescriptorError.descriptorOverrunsConfiguration(offset: 25, length: 9, totalLength: 32)) { () throws in
            try USBDescriptorParser.parseConfiguration(overrun)
        }
        var shortTotal = F.thermalPrinter
        shortTotal[2] = 0x05
        #expect(throws: USBDescriptorError.totalLengthTooShort(declared: 5, minimum: 9)) { () throws in
            try USBDescriptorParser.parseConfiguration(shortTotal)
        }
        let orphan = F.wrap(interfaces: 0, [F.endpoint(0x01)])
        #expect(throws: USBDescriptorError.endpointOutsideInterface(offset: 9)) { () throws in
            try USBDescriptorParser.parseConfiguration(orphan)
        }
        let missing = F.wrap(interfaces: 1, [F.interface(0, endpoints: 2, cls: 7, sub: 1, proto: 2), F.endpoint(0x01)])
        #expect(throws: USBDescriptorError.endpointCountMismatch(interface: 0, alternateSetting: 0, declared: 2, found: 1)) { () throws in
            try USBDescriptorParser.parseConfiguration(missing)
        }
    }

    @Test func errors_readAsEnglishForTechnicians() {
        #expect(USBDescriptorError.truncated(what: "device descriptor", offset: 0, needed: 18, available: 4).description
            == "truncated device descriptor at offset 0: needs 18 bytes, only 4 present")
        #expect(USBDescriptorError.wrongType(offset: 9, expected: 0x04, found: 0x21).description
            == "descriptor at offset 9 has bDescriptorType 0x21, expected 0x04")
    }

    @Test func randomGarbage_neverCrashes_andRandomPrefixesOfRealBytesAreRefusedOrParsed() async {
        var random = SplitMix64(seed: 0x05B_1284)
        for round in 0..<3000 {
            if round % 500 == 0 { await Task.yield() }
            let length = Int(random.next() % 80)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if round.isMultiple(of: 2), bytes.count > 4 {
                bytes[0] = 9; bytes[1] = 2; bytes[2] = UInt8(bytes.count); bytes[3] = 0
            }
            do {
                let configuration = try USBDescriptorParser.parseConfiguration(bytes)
                #expect(configuration.totalLength <= bytes.count)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test func descriptorSet_readsDeviceIdsAndEveryConfiguration() throws {
        let second = F.wrap(interfaces: 1, value: 2, [F.interface(0, endpoints: 1, cls: 7, sub: 1, proto: 1), F.endpoint(0x01)])
        let set = try USBDescriptorSet(parsing: F.deviceDescriptor + F.thermalPrinter + second)

        #expect(set.vendorID == 0x0416)
        #expect(set.productID == 0x5011)
        #expect(set.deviceClass == 0)
        #expect(set.configurations.map(\.value) == [1, 2])
        #expect(set.configuration(value: 2)?.interfaces.first?.interfaceProtocol == 1)
        #expect(set.configuration(value: nil)?.value == 1)
        #expect(set.configuration(value: 3) == nil)
        #expect(try USBDescriptorSet(parsing: F.deviceDescriptor).configurations.isEmpty)
        #expect(throws: USBDescriptorError.truncated(what: "device descriptor", offset: 0, needed: 18, available: 3)) { () throws in
            try USBDescriptorSet(parsing: [0x12, 0x01, 0x00])
        }
        #expect(throws: USBDescriptorError.totalLengthExceedsData(declared: 32, available: 10)) { () throws in
            try USBDescriptorSet(parsing: F.deviceDescriptor + Array(F.thermalPrinter.prefix(10)))
        }
    }
}
