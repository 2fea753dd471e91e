/// Hand-built descriptor bytes of the devices the USB tests talk about, assembled field by
/// field (little-endian words) so each test can read what it feeds the parser.
enum USBDescriptorFixtures {
    static func configuration(total: Int, interfaces: UInt8, value: UInt8 = 1) -> [UInt8] {
        [0x09, 0x02, UInt8(total & 0xFF), UInt8(total >> 8), interfaces, value, 0x00, 0xC0, 0x32]
    }

    static func interface(_ number: UInt8, alt: UInt8 = 0, endpoints: UInt8, cls: UInt8, sub: UInt8, proto: UInt8) -> [UInt8] {
        [0x09, 0x04, number, alt, endpoints, cls, sub, proto, 0x00]
    }

    static func endpoint(_ address: UInt8, type: UInt8 = 0x02, packet: Int = 64) -> [UInt8] {
        [0x07, 0x05, address, type, UInt8(packet & 0xFF), UInt8(packet >> 8), 0x00]
    }

    /// Wraps descriptors after a configuration header with the right wTotalLength.
    static func wrap(interfaces: UInt8, value: UInt8 = 1, _ body: [[UInt8]]) -> [UInt8] {
        let flat = body.flatMap { $0 }
        return configuration(total: 9 + flat.count, interfaces: interfaces, value: value) + flat
    }

    /// A typical 80 mm thermal printer: one bidirectional printer interface, OUT 0x01, IN 0x82.
    static let thermalPrinter = wrap(interfaces: 1, [
        interface(0, endpoints: 2, cls: 0x07, sub: 0x01, proto: 0x02),
        endpoint(0x01),
        endpoint(0x82),
    ])

    /// A composite device: an interface association, a HID keyboard (with its class descriptor
    /// and an interrupt endpoint) as interface 0, the printer second as interface 1 on 0x03/0x84.
    static let compositeWithPrinterSecond = wrap(interfaces: 2, [
        [0x08, 0x0B, 0x00, 0x01, 0x03, 0x01, 0x01, 0x00],
        interface(0, endpoints: 1, cls: 0x03, sub: 0x01, proto: 0x01),
        [0x09, 0x21, 0x11, 0x01, 0x00, 0x01, 0x22, 0x3F, 0x00],
        endpoint(0x81, type: 0x03, packet: 8),
        interface(1, endpoints: 2, cls: 0x07, sub: 0x01, proto: 0x02),
        endpoint(0x84),
        endpoint(0x03, packet: 512),
    ])

    /// A unidirectional printer: protocol 1 with a bulk OUT endpoint only.
    static let unidirectionalPrinter = wrap(interfaces: 1, [
        interface(0, endpoints: 1, cls: 0x07, sub: 0x01, proto: 0x01),
        endpoint(0x02),
    ])

    /// One printer interface with three alternate settings (protocols 1, 2, 3).
    static let threeAlternateSettings = wrap(interfaces: 1, [
        interface(0, alt: 0, endpoints: 1, cls: 0x07, sub: 0x01, proto: 0x01),
        endpoint(0x01),
        interface(0, alt: 1, endpoints: 2, cls: 0x07, sub: 0x01, proto: 0x02),
        endpoint(0x01),
        endpoint(0x81),
        interface(0, alt: 2, endpoints: 2, cls: 0x07, sub: 0x01, proto: 0x03),
        endpoint(0x01),
        endpoint(0x81),
    ])

    /// A vendor-class "printer" (0xFF) as many cheap ones are.
    static let vendorClassOnly = wrap(interfaces: 1, [
        interface(0, endpoints: 2, cls: 0xFF, sub: 0x00, proto: 0x00),
        endpoint(0x01),
        endpoint(0x81),
    ])

    /// An 18-byte device descriptor for 0416:5011 with one configuration.
    static let deviceDescriptor: [UInt8] = [
        0x12, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x40, 0x16, 0x04, 0x11, 0x50, 0x00, 0x01, 0x01, 0x02, 0x03, 0x01,
    ]
}
