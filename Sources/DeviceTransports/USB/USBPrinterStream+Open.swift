import CLibUSB
import Foundation
import KioskHAL

extension USBPrinterStream {
    /// `open(context:match:name:sysfs:)` run on a dispatch queue, for callers on the Swift
    /// concurrency pool (actors, services). Same results and errors.
    public static func connect(
        context: USBContext, match: USBDeviceMatch, name: String, sysfs: USBSysfs = USBSysfs()
    ) async throws(HALError) -> USBPrinterStream {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<USBPrinterStream, HALError>, Never>) in
            openQueue.async {
                continuation.resume(returning: Result { () throws(HALError) in
                    try open(context: context, match: match, name: name, sysfs: sysfs)
                })
            }
        }
        return try result.get()
    }

    /// Where `connect` runs the blocking open.
    private static let openQueue = DispatchQueue(label: "DeviceTransports.usb.open")

    /// Opens the printer `match` names on `context`: finds the one matching device, reads its
    /// active configuration (the kernel's sysfs copy, else `GET_DESCRIPTOR` over the handle),
    /// selects the printer interface, detaches a bound kernel driver (usblp), claims the
    /// interface and selects its alternate setting. `openingNotes` says what was done.
    /// Blocking: call it from a dispatch queue or a dedicated thread, not the concurrency pool.
    /// - Throws: `.disconnected` (not attached, unplugged meanwhile), `.unsupported` (no
    ///   printer interface, several matches, permission denied: a udev rule is missing),
    ///   `.busy` (another process holds the interface).
    public static func open(
        context: USBContext, match: USBDeviceMatch, name: String, sysfs: USBSysfs = USBSysfs()
    ) throws(HALError) -> USBPrinterStream {
        let found: Result<(handle: OpaquePointer, summary: USBDeviceSummary), HALError>
        do {
            found = try context.withDevices { devices in openMatching(devices, match: match, name: name) }
        } catch {
            throw HALError(.disconnected, device: name, detail: "cannot enumerate USB devices: \(error)")
        }
        let opened = try found.get()
        do {
            return try claim(opened.handle, summary: opened.summary, context: context, name: name, sysfs: sysfs)
        } catch {
            libusb_close(opened.handle)
            throw error
        }
    }

    /// Opens the one device of `devices` that `match` names.
    private static func openMatching(
        _ devices: [(device: OpaquePointer, summary: USBDeviceSummary)], match: USBDeviceMatch, name: String
    ) -> Result<(handle: OpaquePointer, summary: USBDeviceSummary), HALError> {
        let chosen: USBDeviceSummary
        do {
            chosen = try match.choose(from: devices.map(\.summary))
        } catch {
            return .failure(HALError(error.kind, device: name, detail: error.detail))
        }
        guard let entry = devices.first(where: { $0.summary == chosen }) else {
            return .failure(HALError(.disconnected, device: name, detail: "\(match) left during enumeration"))
        }
        var handle: OpaquePointer?
        let code = libusb_open(entry.device, &handle)
        guard code == 0, let handle else { return .failure(openFailure(code, name: name, where: "open \(chosen.location)")) }
        return .success((handle, chosen))
    }

    private static func claim(
        _ handle: OpaquePointer, summary: USBDeviceSummary, context: USBContext, name: String, sysfs: USBSysfs
    ) throws(HALError) -> USBPrinterStream {
        var notes: [String] = []
        let configuration: USBConfigurationDescriptor
        do {
            configuration = try sysfs.activeConfiguration(of: summary)
        } catch let sysfsError {
            notes.append("descriptors read over the wire (\(sysfsError))")
            configuration = try readConfiguration(handle, name: name)
        }
        let chosen: USBPrinterInterface
        do {
            chosen = try USBPrinterInterface.select(from: configuration)
        } catch {
            throw HALError(.unsupported, device: name, detail: "\(summary.vidPid) at \(summary.location): \(error)")
        }
        let number = Int32(chosen.number)
        var detached = false
        if libusb_kernel_driver_active(handle, number) == 1 {
            let driver = sysfs.kernelDriver(of: summary, configuration: configuration.value, interface: chosen.number) ?? "kernel driver"
            let code = libusb_detach_kernel_driver(handle, number)
            guard code == 0 else { throw openFailure(code, name: name, where: "detach \(driver) from interface \(chosen.number)") }
            detached = true
            notes.append("detached \(driver) from interface \(chosen.number)")
        }
        let claimed = libusb_claim_interface(handle, number)
        guard claimed == 0 else {
            if detached { _ = libusb_attach_kernel_driver(handle, number) }
            throw openFailure(claimed, name: name, where: "claim interface \(chosen.number) of \(summary.location)")
        }
        if chosen.alternateSetting != 0 {
            let code = libusb_set_interface_alt_setting(handle, number, Int32(chosen.alternateSetting))
            guard code == 0 else {
                _ = libusb_release_interface(handle, number)
                if detached { _ = libusb_attach_kernel_driver(handle, number) }
                throw openFailure(code, name: name, where: "select alternate setting \(chosen.alternateSetting)")
            }
        }
        notes.append("\(summary.vidPid) at \(summary.location): \(chosen.summary)")
        let device = LibUSBPrinterHandle(handle: handle, context: context, interface: chosen.number, reattachKernelDriver: detached)
        return USBPrinterStream(handle: device, interface: chosen, name: name, openingNotes: notes)
    }

    /// Reads configuration index 0 with `GET_DESCRIPTOR`: the 9-byte header, then `wTotalLength`.
    private static func readConfiguration(_ handle: OpaquePointer, name: String) throws(HALError) -> USBConfigurationDescriptor {
        let header = LibUSBPrinterHandle.controlIn(handle, .getConfigurationDescriptor(index: 0, length: 9), timeoutMilliseconds: 1000)
        guard header.code == 9 else {
            throw openFailure(min(header.code, LibUSBError.io), name: name, where: "GET_DESCRIPTOR(configuration) header")
        }
        let total = UInt16(header.data[2]) | UInt16(header.data[3]) << 8
        let full = LibUSBPrinterHandle.controlIn(handle, .getConfigurationDescriptor(index: 0, length: total), timeoutMilliseconds: 1000)
        guard full.code >= 0 else { throw openFailure(full.code, name: name, where: "GET_DESCRIPTOR(configuration)") }
        do {
            return try USBDescriptorParser.parseConfiguration(full.data)
        } catch {
            throw HALError(.protocolViolation, device: name, detail: "configuration descriptor refused: \(error)")
        }
    }

    /// The `HALError` for a failed open/claim step.
    static func openFailure(_ code: Int32, name: String, where step: String) -> HALError {
        let label = LibUSBError.name(code)
        switch code {
        case LibUSBError.access:
            return HALError(.unsupported, device: name, detail:
                "permission denied (\(label)) at \(step): give the kiosk user access with a udev rule (docs/usb.md)")
        case LibUSBError.busy:
            return HALError(.busy, device: name, detail: "\(step): held by a kernel driver or another process (\(label))")
        case LibUSBError.noDevice, LibUSBError.notFound:
            return HALError(.disconnected, device: name, detail: "\(step): device gone (\(label))")
        default:
            return HALError(.unsupported, device: name, detail: "\(step) failed: \(label) (\(code))")
        }
    }
}

