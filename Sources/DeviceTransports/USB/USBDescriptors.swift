/// One endpoint of an interface's alternate setting, as its endpoint descriptor states it.
public struct USBEndpointDescriptor: Hashable, Sendable {
    /// How an endpoint moves data (`bmAttributes` bits 1..0).
    public enum TransferType: UInt8, Hashable, Sendable {
        /// Endpoint 0 style setup/data/status.
        case control = 0
        /// Reserved bandwidth, no retries (audio, video).
        case isochronous = 1
        /// Bulk: guaranteed delivery, no timing (printers, storage).
        case bulk = 2
        /// Interrupt: small polled packets (HID).
        case interrupt = 3
    }

    /// `bEndpointAddress`: bit 7 is the direction (1 = IN, device to host), bits 3..0 the number.
    public let address: UInt8
    /// `bmAttributes` as found.
    public let attributes: UInt8
    /// `wMaxPacketSize` bits 10..0: the largest packet in bytes (8…1024).
    public let maxPacketSize: Int
    /// `bInterval` as found.
    public let interval: UInt8

    /// An endpoint.
    public init(address: UInt8, attributes: UInt8, maxPacketSize: Int, interval: UInt8) {
        self.address = address
        self.attributes = attributes
        self.maxPacketSize = maxPacketSize
        self.interval = interval
    }

    /// Whether data flows from the device to the host.
    public var isIn: Bool { address & 0x80 != 0 }
    /// The transfer type from `bmAttributes`.
    public var transferType: TransferType { TransferType(rawValue: attributes & 0x03) ?? .control }
    /// `0x81`-style hex of the address, for logs.
    public var addressText: String { USBHex.byte(address) }
}

/// One alternate setting of one interface, with its endpoints in descriptor order.
public struct USBInterfaceDescriptor: Hashable, Sendable {
    /// `bInterfaceNumber`.
    public let number: UInt8
    /// `bAlternateSetting`.
    public let alternateSetting: UInt8
    /// `bInterfaceClass` (7 = printer, 0xFF = vendor specific).
    public let interfaceClass: UInt8
    /// `bInterfaceSubClass`.
    public let interfaceSubclass: UInt8
    /// `bInterfaceProtocol`.
    public let interfaceProtocol: UInt8
    /// The endpoints that follow this interface descriptor (class-specific descriptors skipped).
    public let endpoints: [USBEndpointDescriptor]

    /// An alternate setting.
    public init(
        number: UInt8, alternateSetting: UInt8, interfaceClass: UInt8, interfaceSubclass: UInt8,
        interfaceProtocol: UInt8, endpoints: [USBEndpointDescriptor]
    ) {
        self.number = number
        self.alternateSetting = alternateSetting
        self.interfaceClass = interfaceClass
        self.interfaceSubclass = interfaceSubclass
        self.interfaceProtocol = interfaceProtocol
        self.endpoints = endpoints
    }

    /// `cc/ss/pp` in hex, as `lsusb -v` groups them, e.g. `07/01/02`.
    public var classTriple: String {
        [interfaceClass, interfaceSubclass, interfaceProtocol].map { USBHex.byte($0, noPrefix: true) }.joined(separator: "/")
    }
}

/// A configuration: its header fields and every interface alternate setting in descriptor order.
public struct USBConfigurationDescriptor: Hashable, Sendable {
    /// `bConfigurationValue`: what `SET_CONFIGURATION` selects (sysfs `bConfigurationValue`).
    public let value: UInt8
    /// `bNumInterfaces` as declared.
    public let declaredInterfaceCount: Int
    /// `bmAttributes` (bit 6 self-powered, bit 5 remote wake-up).
    public let attributes: UInt8
    /// `bMaxPower` in units of 2 mA (USB 2) or 8 mA (USB 3).
    public let maxPower: UInt8
    /// `wTotalLength`: the bytes of this configuration with all its subordinate descriptors.
    public let totalLength: Int
    /// Every alternate setting of every interface, in descriptor order.
    public let interfaces: [USBInterfaceDescriptor]
    /// How many descriptors were skipped (class-specific, interface association, companions).
    public let skippedDescriptorCount: Int

    /// A configuration.
    public init(
        value: UInt8, declaredInterfaceCount: Int, attributes: UInt8, maxPower: UInt8, totalLength: Int,
        interfaces: [USBInterfaceDescriptor], skippedDescriptorCount: Int
    ) {
        self.value = value
        self.declaredInterfaceCount = declaredInterfaceCount
        self.attributes = attributes
        self.maxPower = maxPower
        self.totalLength = totalLength
        self.interfaces = interfaces
        self.skippedDescriptorCount = skippedDescriptorCount
    }

    /// The distinct interface class/subclass/protocol triples, in descriptor order.
    public var interfaceClassTriples: [String] {
        var seen: [String] = []
        for interface in interfaces where !seen.contains(interface.classTriple) {
            seen.append(interface.classTriple)
        }
        return seen
    }
}

/// Hex formatting shared by the USB types: `0x07`, `07`, `0416`.
enum USBHex {
    /// Two hex digits, with `0x` unless `noPrefix`.
    static func byte(_ value: UInt8, noPrefix: Bool = false) -> String {
        let digits = String(value, radix: 16)
        return (noPrefix ? "" : "0x") + (digits.count == 1 ? "0" : "") + digits
    }

    /// Four lower-case hex digits.
    static func word(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
