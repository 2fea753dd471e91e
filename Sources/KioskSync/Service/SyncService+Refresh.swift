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
        switch await client.catalogue() {
        case .success(let catalogue):
            do {
                let changed = try await database.replaceCatalogue(catalogue.procedures, version: catalogue.version, at: now())
                if changed { logger.info("catalogue updated", metadata: ["catalogue.version": "\(catalogue.version)"]) }
                await noteSuccess(.other)
            } catch {
                await note(.malformed("the catalogue breaks the store's rules: \(error)"), during: "catalogue")
            }
        case .failure(let failure):
            await note(failure, during: "catalogue")
        }
    }

    /// Fetches the staff directory and stores it when newer.
    func refreshStaffDirectory() async {
        switch await client.staffDirectory() {
        case .success(let directory):
            do {
                let changed = try await database.replaceStaffDirectory(directory.staff, version: directory.version, at: now())
                if changed { logger.info("staff directory updated", metadata: ["staff.version": "\(directory.version)"]) }
                await noteSuccess(.other)
            } catch {
                await note(.malformed("the staff directory breaks the store's rules: \(error)"), during: "staff")
            }
        case .failure(let failure):
            await note(failure, during: "staff")
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
