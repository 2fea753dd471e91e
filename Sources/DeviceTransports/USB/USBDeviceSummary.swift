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
    /// Device address on its bus (1…127): new on every plug-in, so a re-plug in the same port
    /// is a different device.
    public let address: UInt8

    /// A summary of one device.
    public init(vendorID: UInt16, productID: UInt16, deviceClass: UInt8, bus: UInt8, portPath: [UInt8], address: UInt8 = 0) {
        self.vendorID = vendorID
        self.productID = productID
        self.deviceClass = deviceClass
        self.bus = bus
        self.portPath = portPath
        self.address = address
    }

    /// `VVVV:PPPP` in lower-case hex, as `lsusb` prints it.
    public var vidPid: String {
        "\(USBHex.word(vendorID)):\(USBHex.word(productID))"
    }

    /// `bus-port.port…`, the sysfs-style physical location, e.g. `1-1.4`.
    public var location: String {
        "\(bus)-" + portPath.map(String.init).joined(separator: ".")
    }

    /// The device's directory name under `/sys/bus/usb/devices`: the location, or `usbN` for
    /// the root hub of bus N.
    public var sysfsName: String {
        portPath.isEmpty ? "usb\(bus)" : location
    }
}
