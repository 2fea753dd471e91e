/// The device descriptor and every configuration of one device, parsed from the blob Linux
/// exposes as `/sys/bus/usb/devices/<port>/descriptors` (and usbfs returns on `read`): the
/// 18-byte device descriptor followed by each configuration's `wTotalLength` bytes.
public struct USBDescriptorSet: Hashable, Sendable {
    /// `idVendor`.
    public let vendorID: UInt16
    /// `idProduct`.
    public let productID: UInt16
    /// `bDeviceClass` (0: the class is per interface, as for printers).
    public let deviceClass: UInt8
    /// `bNumConfigurations` as declared.
    public let declaredConfigurationCount: Int
    /// The configurations found, in order.
    public let configurations: [USBConfigurationDescriptor]

    /// Parses the blob. A blob that stops after the device descriptor has no configurations
    /// (an unconfigured device); a partial configuration is an error.
    /// - Throws: `USBDescriptorError` naming the offset.
    public init(parsing bytes: [UInt8]) throws(USBDescriptorError) {
        let deviceLength = USBDescriptorParser.deviceLength
        guard bytes.count >= deviceLength else {
            throw .truncated(what: "device descriptor", offset: 0, needed: deviceLength, available: bytes.count)
        }
        guard bytes[1] == USBDescriptorParser.DescriptorType.device else {
            throw .wrongType(offset: 0, expected: USBDescriptorParser.DescriptorType.device, found: bytes[1])
        }
        guard Int(bytes[0]) >= deviceLength else {
            throw .invalidLength(offset: 0, type: bytes[1], length: Int(bytes[0]), minimum: deviceLength)
        }
        vendorID = UInt16(bytes[8]) | UInt16(bytes[9]) << 8
        productID = UInt16(bytes[10]) | UInt16(bytes[11]) << 8
        deviceClass = bytes[4]
        declaredConfigurationCount = Int(bytes[17])
        var found: [USBConfigurationDescriptor] = []
        var offset = Int(bytes[0])
        while offset < bytes.count {
            let configuration = try USBDescriptorParser.parseConfiguration(bytes, at: offset)
            found.append(configuration)
            offset += configuration.totalLength
        }
        configurations = found
    }

    /// The configuration whose `bConfigurationValue` is `value`; with `nil` (unknown) the first.
    public func configuration(value: UInt8?) -> USBConfigurationDescriptor? {
        guard let value else { return configurations.first }
        return configurations.first { $0.value == value }
    }
}
