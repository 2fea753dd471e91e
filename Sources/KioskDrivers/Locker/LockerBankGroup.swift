import KioskHAL

/// One `LockerBank` over every lock bus of the kiosk: routes each slot label to its bus's
/// `LockBusDriver` by the slot map and merges the drivers' events into one stream. Drivers keep
/// their own serialisation, so buses work in parallel while each bus runs one transaction at a time.
public struct LockerBankGroup: LockerBank {
    /// What every bus can sense: item sensors and pushes only when all buses have them.
    public let capabilities: LockerCapabilities
    /// Every driver's events, each bus in hardware order; finished when `run()` returns.
    public let events: AsyncStream<LockerEvent>

    private let sink: AsyncStream<LockerEvent>.Continuation
    private let drivers: [String: LockBusDriver]
    private let map: LockerSlotMap

    /// A group of `drivers` (one per bus) for `map`. Slots on a bus without a driver answer `.unknownSlot`.
    public init(drivers: [LockBusDriver], map: LockerSlotMap) {
        var byBus: [String: LockBusDriver] = [:]
        for driver in drivers { byBus[driver.bus] = driver }
        self.drivers = byBus
        self.map = map
        capabilities = LockerCapabilities(
            hasItemSensors: !drivers.isEmpty && drivers.allSatisfy(\.capabilities.hasItemSensors),
            pushesEvents: !drivers.isEmpty && drivers.allSatisfy(\.capabilities.pushesEvents))
        (events, sink) = AsyncStream.makeStream(of: LockerEvent.self, bufferingPolicy: .unbounded)
    }

    /// Runs every driver and forwards its events until the task is cancelled (see `LockBusDriver.run()`).
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for driver in drivers.values {
                group.addTask { await driver.run() }
                group.addTask {
                    for await event in driver.events { sink.yield(event) }
                }
            }
        }
        sink.finish()
    }

    /// Opens `slot` on its bus; `.unknownSlot` for a label that is not configured, disabled, or on a bus without a driver.
    /// - Throws: as `LockBusDriver.open(slot:purpose:bound:)`.
    public func open(slot: String, purpose: LockerOpenPurpose, bound: Duration) async throws -> LockerOpenOutcome {
        guard let driver = driver(for: slot) else { return .unknownSlot }
        return try await driver.open(slot: slot, purpose: purpose, bound: bound)
    }

    /// The last known status of `slot`; `nil` when it is not an enabled slot of a driven bus.
    public func status(of slot: String) async -> LockerSlotStatus? {
        await driver(for: slot)?.status(of: slot)
    }

    /// The last known status of every enabled slot on every driven bus.
    public func snapshot() async -> [String: LockerSlotStatus] {
        var all: [String: LockerSlotStatus] = [:]
        for driver in drivers.values {
            all.merge(await driver.snapshot()) { current, _ in current }
        }
        return all
    }

    private func driver(for slot: String) -> LockBusDriver? {
        guard let entry = map.entry(for: slot), entry.enabled else { return nil }
        return drivers[entry.address.bus]
    }
}
