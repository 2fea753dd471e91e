import Foundation

/// Reads what the Linux kernel caches about a USB device under `/sys/bus/usb/devices`: the raw
/// descriptors (no device I/O, world-readable, the same bytes libusb parses on Linux), the
/// active configuration value and the kernel driver bound to an interface.
public struct USBSysfs: Sendable {
    /// Where Linux lists USB devices.
    public static let defaultRoot = "/sys/bus/usb/devices"

    /// The directory holding one directory per device and interface.
    public let root: String

    /// A reader over `root` (tests point it at a temporary tree).
    public init(root: String = USBSysfs.defaultRoot) {
        self.root = root
    }

    /// The parsed `descriptors` file and the active configuration of `device`.
    /// - Throws: `USBSysfsError` when the file is missing or its bytes are refused.
    public func activeConfiguration(of device: USBDeviceSummary) throws(USBSysfsError) -> USBConfigurationDescriptor {
        let directory = "\(root)/\(device.sysfsName)"
        guard let data = FileManager.default.contents(atPath: "\(directory)/descriptors") else {
            throw .unreadable(path: "\(directory)/descriptors")
        }
        let set: USBDescriptorSet
        do {
            set = try USBDescriptorSet(parsing: [UInt8](data))
        } catch {
            throw .malformed(path: "\(directory)/descriptors", error)
        }
        let value = readText("\(directory)/bConfigurationValue").flatMap { UInt8($0) }
        guard let configuration = set.configuration(value: value) else {
            throw .unconfigured(path: directory)
        }
        return configuration
    }

    /// The name of the kernel driver bound to `interface` of `device` in configuration
    /// `configuration` (e.g. `usblp`), or `nil` when none is bound or sysfs is absent.
    public func kernelDriver(of device: USBDeviceSummary, configuration: UInt8, interface: UInt8) -> String? {
        let link = "\(root)/\(device.sysfsName):\(configuration).\(interface)/driver"
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else { return nil }
        return (target as NSString).lastPathComponent
    }

    private func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Why the kernel's cached descriptors could not be used.
public enum USBSysfsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is missing or unreadable (no sysfs in this container, device gone).
    case unreadable(path: String)
    /// The bytes were refused by the parser.
    case malformed(path: String, USBDescriptorError)
    /// No configuration is active (or the active value is not among the descriptors).
    case unconfigured(path: String)

    /// One English line for technicians.
    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case let .malformed(path, error): "\(path): \(error)"
        case .unconfigured(let path): "\(path): no active configuration"
        }
    }
}
