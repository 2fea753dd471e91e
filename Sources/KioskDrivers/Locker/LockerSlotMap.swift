/// The configured map from slot labels (`A-01`) to lock hardware addresses, validated once on
/// creation. Business code only ever sees labels; only drivers read addresses from here.
public struct LockerSlotMap: Sendable, Equatable {
    /// One configured slot.
    public struct Entry: Sendable, Equatable {
        /// The slot label: non-empty, at most 16 characters.
        public var label: String
        /// Where its lock is wired.
        public var address: LockerSlotAddress
        /// Disabled slots keep their address reserved but drivers neither poll nor open them.
        public var enabled: Bool

        /// An entry; checked when the map is built.
        public init(label: String, address: LockerSlotAddress, enabled: Bool = true) {
            self.label = label
            self.address = address
            self.enabled = enabled
        }
    }

    /// The longest label accepted, in characters.
    public static let maximumLabelLength = 16

    /// The configured buses and the family each speaks.
    public let buses: [String: LockerSlotAddress.Family]
    /// Every entry, in configuration order.
    public let entries: [Entry]
    private let byLabel: [String: Int]

    /// A validated map. `buses` maps each configured bus id to its board family.
    /// - Throws: `LockerSlotMapError` for the first problem in configuration order.
    public init(buses: [String: LockerSlotAddress.Family], entries: [Entry]) throws(LockerSlotMapError) {
        var byLabel: [String: Int] = [:]
        var byAddress: [HardwarePoint: String] = [:]
        for (index, entry) in entries.enumerated() {
            try Self.check(entry, buses: buses)
            guard byLabel[entry.label] == nil else { throw .duplicateLabel(entry.label) }
            let point = HardwarePoint(bus: entry.address.bus, board: entry.address.board, channel: entry.address.channel)
            if let first = byAddress[point] {
                throw .sharedAddress(
                    first: first, second: entry.label, bus: point.bus, board: point.board, channel: point.channel)
            }
            byLabel[entry.label] = index
            byAddress[point] = entry.label
        }
        self.buses = buses
        self.entries = entries
        self.byLabel = byLabel
    }

    /// The entry for `label`, enabled or not; `nil` when the label is not configured.
    public func entry(for label: String) -> Entry? {
        byLabel[label].map { entries[$0] }
    }

    /// The enabled entries on `bus`, in configuration order.
    public func enabledEntries(onBus bus: String) -> [Entry] {
        entries.filter { $0.enabled && $0.address.bus == bus }
    }

    /// Every label, in configuration order.
    public var labels: [String] { entries.map(\.label) }

    private static func check(_ entry: Entry, buses: [String: LockerSlotAddress.Family]) throws(LockerSlotMapError) {
        let label = entry.label
        let address = entry.address
        guard !label.isEmpty, label.count <= maximumLabelLength else { throw .invalidLabel(label) }
        guard let busFamily = buses[address.bus] else { throw .unknownBus(label: label, bus: address.bus) }
        guard busFamily == address.family else {
            throw .familyMismatch(label: label, bus: address.bus, busFamily: busFamily, slotFamily: address.family)
        }
        guard (0...busFamily.maximumBoard).contains(address.board) else {
            throw .boardOutOfRange(label: label, board: address.board, maximum: busFamily.maximumBoard)
        }
        guard (1...busFamily.maximumChannel).contains(address.channel) else {
            throw .channelOutOfRange(label: label, channel: address.channel, maximum: busFamily.maximumChannel)
        }
    }

    /// A physical lock position, for the one-label-per-lock check.
    private struct HardwarePoint: Hashable {
        var bus: String
        var board: Int
        var channel: Int
    }
}

/// Why a locker slot map was refused. Each case names the offending label so a technician can fix
/// the configuration line at once.
public enum LockerSlotMapError: Error, Equatable, Sendable {
    /// A label that is empty or longer than `LockerSlotMap.maximumLabelLength` characters.
    case invalidLabel(String)
    /// The same label appears twice.
    case duplicateLabel(String)
    /// Two labels point at the same (bus, board, channel).
    case sharedAddress(first: String, second: String, bus: String, board: Int, channel: Int)
    /// The label's bus is not among the configured buses.
    case unknownBus(label: String, bus: String)
    /// The label's family differs from the family configured for its bus.
    case familyMismatch(label: String, bus: String, busFamily: LockerSlotAddress.Family, slotFamily: LockerSlotAddress.Family)
    /// The board address is outside 0…`maximum` for the family.
    case boardOutOfRange(label: String, board: Int, maximum: Int)
    /// The channel is outside 1…`maximum` for the family.
    case channelOutOfRange(label: String, channel: Int, maximum: Int)
}
