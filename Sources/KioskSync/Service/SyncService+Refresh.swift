import Foundation
import KioskStore
import Logging

extension SyncService {
    /// Catalogue and staff directory every `refreshInterval`; each is replaced only by a newer version.
    func refreshLoop() async throws {
        while !Task.isCancelled {
            await refreshCatalogue()
            await refreshStaffDirectory()
            guard await Task.sleep(for: settings.refreshInterval, on: clock) else { return }
        }
    }

    /// Heartbeats every `heartbeatInterval`, each measuring the clock offset.
    func heartbeatLoop() async throws {
        while !Task.isCancelled {
            await heartbeat()
            guard await Task.sleep(for: settings.heartbeatInterval, on: clock) else { return }
        }
    }

    /// Fetches the procedure catalogue and stores it when newer.
    func refreshCatalogue() async {
        await refresh("catalogue", fetch: { await self.client.catalogue() }) { catalogue in
            (try await self.database.replaceCatalogue(catalogue.procedures, version: catalogue.version, at: self.now()),
             catalogue.version)
        }
    }

    /// Fetches the staff directory and stores it when newer.
    func refreshStaffDirectory() async {
        await refresh("staff directory", fetch: { await self.client.staffDirectory() }) { directory in
            (try await self.database.replaceStaffDirectory(directory.staff, version: directory.version, at: self.now()),
             directory.version)
        }
    }

    /// Fetches one versioned list and stores it; `store` returns whether it changed and the version.
    private func refresh<Value: Sendable>(
        _ name: String, fetch: () async -> Result<Value, BackendFailure>,
        store: (Value) async throws -> (changed: Bool, version: Int64)
    ) async {
        switch await fetch() {
        case .success(let value):
            do {
                let (changed, version) = try await store(value)
                if changed { logger.info("\(name) updated", metadata: ["sync.version": "\(version)"]) }
                await noteSuccess(.other)
            } catch {
                await note(.malformed("the \(name) breaks the store's rules: \(error)"), during: name)
            }
        case .failure(let failure):
            await note(failure, during: name)
        }
    }

    /// Sends a heartbeat and records the clock offset: backend time minus the midpoint of the
    /// kiosk's send and receive times, in milliseconds. Refreshes the catalogue or the staff
    /// directory at once when the backend reports a newer version than the store holds.
    /// - Returns: the offset, or `nil` when the heartbeat failed.
    @discardableResult
    func heartbeat() async -> Int64? {
        let depth = (try? await database.outboxDepth()) ?? 0
        let acknowledged = (try? await database.lastAcknowledgedSequence()) ?? 0
        let sentAt = now()
        let report = HeartbeatReport(
            kioskTime: sentAt, softwareVersion: settings.softwareVersion, outboxDepth: depth,
            lastAcknowledgedSeq: acknowledged)
        switch await client.heartbeat(report) {
        case .success(let answer):
            let receivedAt = now()
            let midpoint = sentAt.addingTimeInterval(receivedAt.timeIntervalSince(sentAt) / 2)
            let offset = Int64((answer.serverTime.timeIntervalSince(midpoint) * 1_000).rounded())
            do {
                try await database.recordClockOffset(milliseconds: offset, at: receivedAt)
            } catch {
                logger.error("clock offset not recorded", metadata: ["error": "\(error)"])
            }
            await noteSuccess(.other)
            if abs(offset) > 120_000 {
                logger.warning("kiosk clock is off", metadata: ["clock.offset.ms": "\(offset)"])
            }
            if let stored = try? await database.syncedVersion(of: "catalogue"), stored < answer.catalogueVersion {
                await refreshCatalogue()
            }
            if let stored = try? await database.syncedVersion(of: "staff"), stored < answer.staffDirectoryVersion {
                await refreshStaffDirectory()
            }
            return offset
        case .failure(let failure):
            await note(failure, during: "heartbeat")
            return nil
        }
    }
}
