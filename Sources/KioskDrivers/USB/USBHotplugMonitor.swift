import DeviceTransports
import Synchronization

/// Reports USB devices arriving and leaving as an `AsyncStream`, exactly once each.
///
/// Every report comes from diffing full scans (`USBInventoryTracker`). Scans are triggered by
/// libusb hotplug callbacks when the source has them, and by a slow periodic rescan on the
/// injected clock as a safety net for callbacks that never come (no udev netlink in a
/// container, a missed event). The first scan reports the devices already attached as arrived.
/// Run it with `run()` inside a task group or service group; cancelling `run()` ends `events`.
public final class USBHotplugMonitor: Sendable {
    /// Arrivals and departures, in the order scans found them.
    public let events: AsyncStream<USBHotplugEvent>

    private let sink: AsyncStream<USBHotplugEvent>.Continuation
    private let source: any USBInventorySource
    private let rescanInterval: Duration
    private let clock: any Clock<Duration>
    private let state = Mutex(State())

    private struct State {
        var tracker = USBInventoryTracker()
        var completedScans = 0
        var lastScanProblem: String?
    }

    /// A monitor over `source`, rescanning every `rescanInterval` (5–10 s suits a kiosk) on `clock`.
    public init(source: any USBInventorySource, rescanInterval: Duration = .seconds(10), clock: any Clock<Duration> = ContinuousClock()) {
        self.source = source
        self.rescanInterval = rescanInterval
        self.clock = clock
        (events, sink) = AsyncStream.makeStream(of: USBHotplugEvent.self)
    }

    /// The devices of the last scan, ordered by location.
    public var devices: [USBDeviceRecord] { state.withLock { $0.tracker.devices } }
    /// How many scans completed (successful or not).
    public var completedScans: Int { state.withLock { $0.completedScans } }
    /// Why the last scan failed, or `nil` when it succeeded.
    public var lastScanProblem: String? { state.withLock { $0.lastScanProblem } }

    /// Scans now, then on every hint and every `rescanInterval`, until cancelled; then stops the
    /// hints and finishes `events`. Run it once per monitor.
    public func run() async {
        await runLoop(clock: clock)
        sink.finish()
    }

    private func runLoop<C: Clock<Duration>>(clock: C) async {
        let (triggers, trigger) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let start = clock.now
        let interval = rescanInterval
        let hints = source.startChangeHints()
        await withDiscardingTaskGroup { group in
            group.addTask {
                var deadline = start.advanced(by: interval)
                while true {
                    do { try await clock.sleep(until: deadline, tolerance: nil) } catch { return }
                    trigger.yield()
                    deadline = Self.nextRescanDeadline(after: deadline, now: clock.now, interval: interval)
                }
            }
            if let hints {
                group.addTask {
                    for await _ in hints { trigger.yield() }
                }
            }
            await scanAndPublish()
            for await _ in triggers {
                await scanAndPublish()
            }
            group.cancelAll()
            source.stopChangeHints()
        }
    }

    /// The next periodic deadline: one interval after the last, or one interval from now when
    /// the clock jumped past it (missed ticks are not replayed in a burst).
    public static func nextRescanDeadline<I: InstantProtocol>(after previous: I, now: I, interval: Duration) -> I where I.Duration == Duration {
        let next = previous.advanced(by: interval)
        return next < now ? now.advanced(by: interval) : next
    }

    /// One scan, diffed and published; a failed scan keeps the last known devices.
    private func scanAndPublish() async {
        let known = state.withLock { $0.tracker.current }
        do {
            let scan = try await source.scan(known: known)
            let events = state.withLock { state -> [USBHotplugEvent] in
                state.completedScans += 1
                state.lastScanProblem = nil
                return state.tracker.update(scan)
            }
            events.forEach { sink.yield($0) }
        } catch {
            state.withLock { state in
                state.completedScans += 1
                state.lastScanProblem = "\(error)"
            }
        }
    }
}
