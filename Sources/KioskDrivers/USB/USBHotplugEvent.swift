import DeviceTransports

/// A device arrived or left, as found by diffing two inventory scans; reported exactly once
/// per plug-in and once per removal, whatever libusb's callbacks did.
public enum USBHotplugEvent: Hashable, Sendable, CustomStringConvertible {
    /// A device (identity = bus, port path, address) is present that was not before.
    case arrived(USBDeviceRecord)
    /// A device present before is gone.
    case left(USBDeviceRecord)

    /// The device concerned.
    public var record: USBDeviceRecord {
        switch self {
        case .arrived(let record), .left(let record): record
        }
    }

    /// `arrived 0416:5011 at 1-1.4#7`.
    public var description: String {
        switch self {
        case .arrived(let record): "arrived \(record.summary.vidPid) at \(record.identity)"
        case .left(let record): "left \(record.summary.vidPid) at \(record.identity)"
        }
    }
}
