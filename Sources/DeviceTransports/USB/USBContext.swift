import CLibUSB

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A private libusb session used to enumerate attached USB devices.
///
/// The context is created in `init` and released with `libusb_exit` on deinit. libusb
/// serialises access to a context internally and the only stored state is the immutable
/// context pointer, so one `USBContext` may be shared between tasks.
///
/// A kiosk image may run where no USB exists at all (CI containers, a VM without passthrough).
/// libusb 1.0.26 as built by Debian normally starts even then (it assumes `/dev/bus/usb` will
/// appear via udev) and lists nothing; but where its udev monitor cannot start (no netlink
/// socket in a sandbox) `libusb_init` fails. When that failure coincides with the USB device
/// directory being absent, the machine has no USB to enumerate, so the context is "empty"
/// and `devices()` returns `[]` instead of failing the whole service start.
public final class USBContext: @unchecked Sendable {
    /// Where usbfs device nodes live on Linux.
    public static let defaultDeviceDirectory = "/dev/bus/usb"
    /// Longest port path libusb reports (USB 3 allows a tier of at most 7 hubs).
    public static let maxPortDepth = 7

    /// The libusb context; `nil` on a machine without USB.
    let context: OpaquePointer?

    /// Whether a real libusb session exists; `false` only on a machine without any USB, where
    /// `devices()` is always empty.
    public var isUSBAvailable: Bool { context != nil }

    /// Starts libusb; throws `USBContextError.initFailed` with libusb's error name when it
    /// fails while `deviceDirectory` exists. When it fails and that directory is absent the
    /// context is created empty (see the type's documentation).
    public init(deviceDirectory: String = USBContext.defaultDeviceDirectory) throws(USBContextError) {
        var newContext: OpaquePointer?
        let status = libusb_init(&newContext)
        if status == 0, let created = newContext {
            context = created
            return
        }
        let directoryExists = access(deviceDirectory, F_OK) == 0
        guard Self.treatsInitFailureAsNoUSB(status: status, deviceDirectoryExists: directoryExists) else {
            throw .initFailed(code: status, name: Self.errorName(status))
        }
        context = nil
    }

    deinit {
        if let context {
            libusb_exit(context)
        }
    }

    /// Every attached device (hubs included), sorted by bus and port path; empty on a machine
    /// without USB. Throws `USBContextError.enumerationFailed` when libusb cannot list devices.
    /// A device whose descriptor cannot be read (it left mid-enumeration) is skipped.
    public func devices() throws(USBContextError) -> [USBDeviceSummary] {
        try withDevices { $0.map(\.summary) }
    }

    /// Calls `body` with every attached device (libusb pointer and summary, sorted by bus and
    /// port path) while libusb's device list is held; the pointers are valid only inside.
    func withDevices<T>(_ body: ([(device: OpaquePointer, summary: USBDeviceSummary)]) throws(USBContextError) -> T) throws(USBContextError) -> T {
        guard let context else { return try body([]) }
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0 else {
            let code = Int32(clamping: count)
            throw .enumerationFailed(code: code, name: Self.errorName(code))
        }
        guard let list else { return try body([]) }
        defer { libusb_free_device_list(list, 1) }

        var found: [(device: OpaquePointer, summary: USBDeviceSummary)] = []
        found.reserveCapacity(count)
        for index in 0..<count {
            guard let device = list[index], let summary = Self.summary(of: device) else { continue }
            found.append((device, summary))
        }
        found.sort { lhs, rhs in
            if lhs.summary.bus != rhs.summary.bus { return lhs.summary.bus < rhs.summary.bus }
            return lhs.summary.portPath.lexicographicallyPrecedes(rhs.summary.portPath)
        }
        return try body(found)
    }

    /// Whether a failed `libusb_init` should be read as "this machine has no USB": only when
    /// the usbfs directory is absent; with the directory present every failure is real.
    public static func treatsInitFailureAsNoUSB(status: Int32, deviceDirectoryExists: Bool) -> Bool {
        status != 0 && !deviceDirectoryExists
    }

    /// libusb's symbolic name for an error code, e.g. `LIBUSB_ERROR_ACCESS`.
    public static func errorName(_ code: Int32) -> String {
        guard let name = libusb_error_name(code) else { return "LIBUSB_ERROR_\(code)" }
        return String(cString: name)
    }

    /// Reads the cached device descriptor, bus number and port path of one device.
    static func summary(of device: OpaquePointer) -> USBDeviceSummary? {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return nil }
        var ports = [UInt8](repeating: 0, count: maxPortDepth)
        let depth = ports.withUnsafeMutableBufferPointer { buffer in
            libusb_get_port_numbers(device, buffer.baseAddress, Int32(buffer.count))
        }
        // Root hubs have depth 0; a negative result (overflow) leaves the path empty.
        let portPath = depth > 0 ? Array(ports.prefix(Int(depth))) : []
        return USBDeviceSummary(
            vendorID: descriptor.idVendor,
            productID: descriptor.idProduct,
            deviceClass: descriptor.bDeviceClass,
            bus: libusb_get_bus_number(device),
            portPath: portPath,
            address: libusb_get_device_address(device))
    }
}

/// Why USB enumeration failed; carries libusb's numeric code and symbolic name.
public enum USBContextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `libusb_init` failed on a machine that does have a USB device directory.
    case initFailed(code: Int32, name: String)
    /// `libusb_get_device_list` failed.
    case enumerationFailed(code: Int32, name: String)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .initFailed(code, name): "libusb_init failed: \(name) (\(code))"
        case let .enumerationFailed(code, name): "libusb_get_device_list failed: \(name) (\(code))"
        }
    }
}
