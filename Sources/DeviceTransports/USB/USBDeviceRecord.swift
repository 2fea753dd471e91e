/// Everything the inventory reports about one attached device. Strings need the device opened;
/// when that fails (usually permissions) they are `nil` and `stringsProblem` says why.
public struct USBDeviceRecord: Hashable, Sendable {
    /// Ids, device class, bus, port path and address.
    public let summary: USBDeviceSummary
    /// Interface `cc/ss/pp` triples of the active configuration, e.g. `["07/01/02"]`.
    public let interfaceClasses: [String]
    /// Why `interfaceClasses` is empty although the device has interfaces (sysfs unreadable).
    public let descriptorProblem: String?
    /// iManufacturer string, when readable.
    public let manufacturer: String?
    /// iProduct string, when readable.
    public let product: String?
    /// iSerialNumber string, when readable (many cheap devices have none).
    public let serialNumber: String?
    /// Why the strings could not be read, e.g. `cannot open: LIBUSB_ERROR_ACCESS (udev permissions)`.
    public let stringsProblem: String?

    /// A record.
    public init(
        summary: USBDeviceSummary, interfaceClasses: [String], descriptorProblem: String? = nil,
        manufacturer: String? = nil, product: String? = nil, serialNumber: String? = nil, stringsProblem: String? = nil
    ) {
        self.summary = summary
        self.interfaceClasses = interfaceClasses
        self.descriptorProblem = descriptorProblem
        self.manufacturer = manufacturer
        self.product = product
        self.serialNumber = serialNumber
        self.stringsProblem = stringsProblem
    }

    /// What identifies one plug-in of one device: bus, port path and address. A re-plug in the
    /// same port gets a new address, so it is a new identity; two identical printers differ
    /// by port path.
    public var identity: USBDeviceIdentity {
        USBDeviceIdentity(bus: summary.bus, portPath: summary.portPath, address: summary.address)
    }

    /// Whether any interface (or the device itself) is printer class 7.
    public var hasPrinterInterface: Bool {
        summary.deviceClass == USBPrinterInterface.printerClass || interfaceClasses.contains { $0.hasPrefix("07/") }
    }

    /// This record with the strings of `other` (same identity, read on an earlier scan).
    public func withStrings(of other: USBDeviceRecord) -> USBDeviceRecord {
        USBDeviceRecord(
            summary: summary, interfaceClasses: interfaceClasses, descriptorProblem: descriptorProblem,
            manufacturer: other.manufacturer, product: other.product, serialNumber: other.serialNumber,
            stringsProblem: other.stringsProblem)
    }
}

/// Bus, port path and device address: one plug-in of one device.
public struct USBDeviceIdentity: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Bus number.
    public let bus: UInt8
    /// Port path from the root hub.
    public let portPath: [UInt8]
    /// Device address on the bus.
    public let address: UInt8

    /// An identity.
    public init(bus: UInt8, portPath: [UInt8], address: UInt8) {
        self.bus = bus
        self.portPath = portPath
        self.address = address
    }

    /// `1-1.4#7`: location and address.
    public var description: String {
        "\(bus)-" + portPath.map(String.init).joined(separator: ".") + "#\(address)"
    }

    /// Orders by bus, port path, then address.
    public static func < (lhs: USBDeviceIdentity, rhs: USBDeviceIdentity) -> Bool {
        if lhs.bus != rhs.bus { return lhs.bus < rhs.bus }
        if lhs.portPath != rhs.portPath { return lhs.portPath.lexicographicallyPrecedes(rhs.portPath) }
        return lhs.address < rhs.address
    }
}
