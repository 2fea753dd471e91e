import DeviceTransports
import Foundation
import KioskHAL
import Synchronization

/// Where the hotplug monitor gets its scans and its "something changed" hints.
public protocol USBInventorySource: Sendable {
    /// A full scan of attached devices; `known` carries the last scan so strings need not be
    /// read again. - Throws: when the bus cannot be listed at all.
    func scan(known: [USBDeviceIdentity: USBDeviceRecord]) async throws -> [USBDeviceRecord]
    /// Hints that devices changed (hotplug callbacks), or `nil` when none will come. A hint
    /// only triggers a rescan; its content is never trusted on its own.
    func startChangeHints() -> AsyncStream<USBHotplugListener.Change>?
    /// Stops the hints started by `startChangeHints`.
    func stopChangeHints()
}

/// The USB inventory of this machine over libusb: every attached device with VID:PID, device and
/// interface classes, port path, and strings when the device can be opened. On a machine
/// without USB it lists nothing. libusb calls run on a private dispatch queue, never on the
/// Swift concurrency pool.
public final class USBInventory: USBInventorySource {
    /// The libusb session, or `nil` when libusb could not start (see `startProblem`).
    public let context: USBContext?
    /// Why libusb could not start, for the technician page; `nil` when it started.
    public let startProblem: String?

    private let sysfs: USBSysfs
    private let queue = DispatchQueue(label: "KioskDrivers.usb.inventory")
    private let listener = ListenerSlot()

    /// An inventory on a new libusb session; a failed start is recorded, never thrown.
    public static func system(sysfs: USBSysfs = USBSysfs()) -> USBInventory {
        do {
            return USBInventory(context: try USBContext(), sysfs: sysfs)
        } catch {
            return USBInventory(context: nil, startProblem: error.description, sysfs: sysfs)
        }
    }

    /// An inventory on an existing session (`nil`: no USB, with `startProblem` as the reason).
    public init(context: USBContext?, startProblem: String? = nil, sysfs: USBSysfs = USBSysfs()) {
        self.context = context
        self.startProblem = startProblem
        self.sysfs = sysfs
    }

    /// Every attached device, sorted by location; empty without USB or libusb.
    /// - Throws: `USBContextError.enumerationFailed`.
    public func scan(known: [USBDeviceIdentity: USBDeviceRecord] = [:]) async throws -> [USBDeviceRecord] {
        guard let context else { return [] }
        let sysfs = self.sysfs
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { () throws(USBContextError) in try context.inventory(known: known, sysfs: sysfs) })
            }
        }
    }

    /// Starts libusb hotplug callbacks as hints; `nil` without USB or hotplug support.
    public func startChangeHints() -> AsyncStream<USBHotplugListener.Change>? {
        guard let context, let started = USBHotplugListener.start(context: context) else { return nil }
        listener.replace(with: started)
        return started.changes
    }

    /// Stops the hotplug callbacks.
    public func stopChangeHints() {
        listener.replace(with: nil)
    }
}

/// Holds the running hotplug listener so that replacing or clearing it stops the old one.
private final class ListenerSlot: Sendable {
    private let current = Mutex<USBHotplugListener?>(nil)

    func replace(with listener: USBHotplugListener?) {
        let old = current.withLock { slot in
            defer { slot = listener }
            return slot
        }
        old?.stop()
    }
}
