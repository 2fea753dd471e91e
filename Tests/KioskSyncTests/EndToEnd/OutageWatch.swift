import KioskStore
import OneStopSim
@testable import KioskSync

/// What the kiosk and the simulator did during one timed outage (the plan's first rule), watched
/// from its first refused connection until the simulator says it is over.
struct OutageWatch {
    /// Connections the simulator refused during the outage.
    var refusedConnections = 0
    /// How many times the log and the outbox were compared while the outage surely lasted.
    var checks = 0
    /// No event was applied after the first refusal while the outage lasted.
    var appliedStayedPut = true
    /// The outbox depth did not change while the outage lasted.
    var outboxKeptItsEvents = true
    /// The outbox depth at the first refusal.
    var outboxDepth = 0
    /// The kiosk's status showed the backend unreachable with failing pushes during the outage.
    var kioskSawItUnreachable = false
    /// The kiosk's last error as seen during the outage.
    var lastError: String?

    /// Watches the outage the simulator's plan has just started. Comparisons count only when the
    /// simulator reports the outage still going on after they were made. The push in flight when
    /// it started may still land, so the baseline is taken at the first refused connection.
    static func observe<C: Clock>(
        sim: SimHarness, database: AppDatabase, service: SyncService<C>
    ) async throws -> OutageWatch where C.Duration == Duration {
        var watch = OutageWatch()
        try await waitUntil("the first refused connection or the outage's end") {
            let rule = sim.faults.snapshot.rules[0]
            return rule.fired > 0 || rule.outageActive != true
        }
        let appliedAtStart = try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count
        watch.outboxDepth = try await database.outboxDepth()
        while sim.faults.snapshot.rules[0].outageActive == true {
            let applied = try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count
            let depth = try await database.outboxDepth()
            let status = try await service.status()
            let after = sim.faults.snapshot.rules[0]
            guard after.outageActive == true else { break }
            watch.checks += 1
            watch.refusedConnections = after.fired
            if applied != appliedAtStart { watch.appliedStayedPut = false }
            if depth != watch.outboxDepth { watch.outboxKeptItsEvents = false }
            if !status.backendReachable, status.consecutivePushFailures > 0 {
                watch.kioskSawItUnreachable = true
                watch.lastError = status.lastError
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        return watch
    }
}
