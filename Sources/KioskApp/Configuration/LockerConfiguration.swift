import KioskDomain
import KioskDrivers

/// The `lockers` section: which RS-485 buses exist and which slot hangs on which channel.
///
/// ```json
/// "lockers": {
///   "buses": [{ "id": "lockbus0", "family": "kerong", "device": "/dev/kiosk/lockbus0" }],
///   "slots": [{ "label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300 }]
/// }
/// ```
public struct LockerConfiguration: Sendable, Equatable {
    /// One bus: a USB-serial adapter (or a simulator's PTY link) with boards of one family.
    public struct Bus: Sendable, Equatable {
        /// Bus id, referenced by slots, e.g. `lockbus0`.
        public var id: String
        /// Protocol family.
        public var family: LockerSlotAddress.Family
        /// Device path the driver opens, e.g. `/dev/kiosk/lockbus0`.
        public var device: String
        /// Baud rate; defaults to the family's (Kerong 19200, WKLY 9600).
        public var baud: Int
    }

    /// One slot: its label, where its lock is, and what the domain needs to know of it.
    public struct Slot: Sendable, Equatable {
        /// The label on the door.
        public var label: SlotID
        /// Size class.
        public var size: SlotSize
        /// Height of the door above the floor, mm (0–3000).
        public var doorHeightMm: Int
    }

    /// Buses by declaration order.
    public var buses: [Bus]
    /// Slots by declaration order.
    public var slots: [Slot]
    /// The validated label → (bus, board, channel) map the drivers use.
    public var slotMap: LockerSlotMap
}

extension LockerConfiguration {
    /// Reads and validates the `lockers` section.
    /// - Throws: `ConfigurationError` naming the first offending key, e.g. `lockers.slots[3].channel`.
    static func read(_ section: ConfigurationReader) throws(ConfigurationError) -> LockerConfiguration {
        var buses: [Bus] = []
        var busReaders: [ConfigurationReader] = []
        for reader in try section.objects("buses", limit: 16) {
            let family = try reader.string("family", oneOf: LockerSlotAddress.Family.allCases.map(\.rawValue))
            let familyValue = LockerSlotAddress.Family(rawValue: family) ?? .kerong
            buses.append(Bus(
                id: try reader.string("id", pattern: .identifier, length: 1...32), family: familyValue,
                device: try reader.string("device", length: 1...4096),
                baud: try reader.integer("baud", default: familyValue == .kerong ? 19200 : 9600, in: 1200...115_200)))
            busReaders.append(reader)
        }
        var seenBus: Set<String> = []
        for (bus, reader) in zip(buses, busReaders) where !seenBus.insert(bus.id).inserted {
            throw .invalid(key: reader.path(of: "id"), reason: "repeats bus '\(bus.id)'")
        }
        let families = Dictionary(buses.map { ($0.id, $0.family) }, uniquingKeysWith: { first, _ in first })
        var slots: [Slot] = []
        var entries: [LockerSlotMap.Entry] = []
        let slotReaders = try section.objects("slots", limit: 1_000)
        for reader in slotReaders {
            let labelText = try reader.string("label", length: 1...16)
            guard let label = SlotID(labelText) else {
                throw .invalid(key: reader.path(of: "label"), reason: "must look like A-01 (letters, dash, 2–3 digits)")
            }
            let bus = try reader.string("bus", length: 1...32)
            guard let family = families[bus] else {
                throw .invalid(key: reader.path(of: "bus"), reason: "names no bus in lockers.buses ('\(bus)')")
            }
            let sizeText = try reader.string("size", oneOf: SlotSize.allCases.map(\.rawValue))
            slots.append(Slot(
                label: label, size: SlotSize(rawValue: sizeText) ?? .small,
                doorHeightMm: try reader.integer("doorHeightMm", in: 0...3000)))
            entries.append(LockerSlotMap.Entry(
                label: label.rawValue,
                address: LockerSlotAddress(
                    bus: bus, family: family, board: try reader.integer("board", in: 0...255),
                    channel: try reader.integer("channel", in: 1...255)),
                enabled: try reader.boolean("enabled", default: true)))
        }
        for reader in busReaders + slotReaders { try reader.refuseUnknownKeys() }
        let slotMap: LockerSlotMap
        do {
            slotMap = try LockerSlotMap(buses: families, entries: entries)
        } catch {
            throw describe(error, slots: slots, readers: slotReaders)
        }
        return LockerConfiguration(buses: buses, slots: slots, slotMap: slotMap)
    }

    /// The slot-map refusal as a configuration error on the slot's own key.
    private static func describe(
        _ error: LockerSlotMapError, slots: [Slot], readers: [ConfigurationReader]
    ) -> ConfigurationError {
        func key(_ label: String, _ field: String) -> String {
            let lastIndex = slots.lastIndex { $0.label.rawValue == label }
            return lastIndex.map { readers[$0].path(of: field) } ?? "lockers.slots"
        }
        switch error {
        case .invalidLabel(let label):
            return .invalid(key: key(label, "label"), reason: "is not a usable label")
        case .duplicateLabel(let label):
            return .invalid(key: key(label, "label"), reason: "repeats slot \(label)")
        case .sharedAddress(let first, let second, let bus, let board, let channel):
            return .invalid(key: key(second, "channel"),
                            reason: "puts \(second) on \(bus) board \(board) channel \(channel), already used by \(first)")
        case .unknownBus(let label, let bus):
            return .invalid(key: key(label, "bus"), reason: "names no bus in lockers.buses ('\(bus)')")
        case .familyMismatch(let label, let bus, _, _):
            return .invalid(key: key(label, "bus"), reason: "mixes board families on \(bus)")
        case .boardOutOfRange(let label, let board, let maximum):
            return .invalid(key: key(label, "board"), reason: "must be between 0 and \(maximum) (got \(board))")
        case .channelOutOfRange(let label, let channel, let maximum):
            return .invalid(key: key(label, "channel"), reason: "must be between 1 and \(maximum) (got \(channel))")
        }
    }
}
