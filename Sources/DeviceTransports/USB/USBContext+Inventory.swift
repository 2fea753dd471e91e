import CLibUSB

extension USBContext {
    /// Every attached device with its interface classes (from the kernel's cached descriptors)
    /// and its strings. Strings are read by opening the device, except for identities found in
    /// `known`, whose strings are reused (so a periodic rescan does not talk to every device).
    /// Blocking: call it from a dispatch queue, not the concurrency pool. Empty without USB.
    /// - Throws: `USBContextError.enumerationFailed` when libusb cannot list devices.
    public func inventory(known: [USBDeviceIdentity: USBDeviceRecord] = [:], sysfs: USBSysfs = USBSysfs()) throws(USBContextError) -> [USBDeviceRecord] {
        try withDevices { devices in
            devices.map { entry in
                let classes: [String]
                var problem: String?
                do {
                    classes = try sysfs.activeConfiguration(of: entry.summary).interfaceClassTriples
                } catch {
                    classes = []
                    problem = "\(error)"
                }
                let bare = USBDeviceRecord(summary: entry.summary, interfaceClasses: classes, descriptorProblem: problem)
                let identity = bare.identity
                if let previous = known[identity] { return bare.withStrings(of: previous) }
                return Self.readStrings(entry.device, into: bare)
            }
        }
    }

    /// Opens `device` and reads its manufacturer, product and serial strings; a failed open
    /// or read is recorded in `stringsProblem`, never thrown.
    static func readStrings(_ device: OpaquePointer, into record: USBDeviceRecord) -> USBDeviceRecord {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return record }
        let indexes = [descriptor.iManufacturer, descriptor.iProduct, descriptor.iSerialNumber]
        guard indexes.contains(where: { $0 != 0 }) else {
            return USBDeviceRecord(summary: record.summary, interfaceClasses: record.interfaceClasses,
                                   descriptorProblem: record.descriptorProblem, stringsProblem: "device declares no strings")
        }
        var handle: OpaquePointer?
        let opened = libusb_open(device, &handle)
        guard opened == 0, let handle else {
            let hint = opened == LibUSBError.access ? " (udev permissions, see docs/usb.md)" : ""
            return USBDeviceRecord(summary: record.summary, interfaceClasses: record.interfaceClasses,
                                   descriptorProblem: record.descriptorProblem,
                                   stringsProblem: "cannot open: \(LibUSBError.name(opened))\(hint)")
        }
        defer { libusb_close(handle) }
        var failures: [String] = []
        let values = indexes.map { index -> String? in
            guard index != 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                libusb_get_string_descriptor_ascii(handle, index, pointer.baseAddress, Int32(pointer.count))
            }
            guard count >= 0 else {
                failures.append("string \(index): \(LibUSBError.name(count))")
                return nil
            }
            return String(decoding: buffer.prefix(Int(count)), as: UTF8.self)
        }
        return USBDeviceRecord(
            summary: record.summary, interfaceClasses: record.interfaceClasses, descriptorProblem: record.descriptorProblem,
            manufacturer: values[0], product: values[1], serialNumber: values[2],
            stringsProblem: failures.isEmpty ? nil : failures.joined(separator: "; "))
    }
}
