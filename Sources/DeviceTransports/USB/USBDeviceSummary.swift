/// What the USB inventory knows of one attached device.
public struct USBDeviceSummary: Hashable, Sendable {
    /// Vendor id from the device descriptor.
    public let vendorID: UInt16
    /// Product id from the device descriptor.
    public let productID: UInt16
    /// `bDeviceClass` (0 means the class is given per interface).
    public let deviceClass: UInt8
    /// Bus number the device is attached to.
    public let bus: UInt8
    /// Physical port path from the root hub, e.g. `[1, 4]`; stable across re-plugs in one port.
    public let portPath: [UInt8]

    /// A summary of one device.
    public init(vendorID: UInt16, productID: UInt16, deviceClass: UInt8, bus: UInt8, portPath: [UInt8]) {
        self.vendorID = vendorID
        self.productID = productID
        self.deviceClass = deviceClass
        self.bus = bus
        self.portPath = portPath
    }

    /// `VVVV:PPPP` in lower-case hex, as `lsusb` prints it.
    public var vidPid: String {
        func hex(_ value: UInt16) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }
        return "\(hex(vendorID)):\(hex(productID))"
    }

    /// `bus-port.port…`, the sysfs-style physical location, e.g. `1-1.4`.
    public var location: String {
        "\(bus)-" + portPath.map(String.init).joined(separator: ".")
    }
}
