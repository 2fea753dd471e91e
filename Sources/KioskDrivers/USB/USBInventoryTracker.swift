import DeviceTransports

/// The pure diff behind hotplug: remembers the last scan and turns each new scan into
/// `left` then `arrived` events, ordered by location. Identity is bus + port path + address,
/// so a re-plug in the same port (new address) is a departure and an arrival, and two identical
/// printers are told apart by their ports. A scan equal to the last yields nothing, so however
/// many callbacks and periodic rescans trigger scans, each change is reported once.
public struct USBInventoryTracker: Sendable {
    /// The devices of the last scan by identity.
    public private(set) var current: [USBDeviceIdentity: USBDeviceRecord] = [:]

    /// An empty tracker: the first scan reports every device as arrived.
    public init() {}

    /// Takes a full scan; returns what changed since the previous one.
    public mutating func update(_ scan: [USBDeviceRecord]) -> [USBHotplugEvent] {
        var next: [USBDeviceIdentity: USBDeviceRecord] = [:]
        for record in scan { next[record.identity] = record }
        let gone = current.keys.filter { next[$0] == nil }.sorted()
        let new = next.keys.filter { current[$0] == nil }.sorted()
        var events: [USBHotplugEvent] = []
        for identity in gone { if let record = current[identity] { events.append(.left(record)) } }
        for identity in new { if let record = next[identity] { events.append(.arrived(record)) } }
        current = next
        return events
    }

    /// The devices of the last scan, ordered by location.
    public var devices: [USBDeviceRecord] {
        current.keys.sorted().compactMap { current[$0] }
    }
}
