import Foundation
import KioskStore
import NIOHTTP1
import OneStopWire

/// The contract's sync operations, each translated at this edge to the kiosk's own types.
extension BackendClient {
    /// Posts one batch of outbox rows (`POST …/su-kien`, at most 100) and returns the settlement.
    public func pushEvents(_ rows: [OutboxEvent]) async -> Result<PushAnswer, BackendFailure> {
        let body: Data
        do {
            let events = try rows.map { row throws(TranslationProblem) in try EventTranslation.event(row) }
            body = try OneStopJSON.encode(OneStopEventBatch(kioskID: endpoint.kioskID, events: events))
        } catch {
            return .failure(.malformed("the outbox batch cannot be encoded: \(error)"))
        }
        return await call(
            .POST, OneStopPaths.events(kiosk: kioskSegment), json: body, timeout: limits.syncTimeout,
            as: OneStopEventBatchResult.self
        ).map { EventTranslation.answer($0.body) }
    }

    /// Fetches the manifest page after `cursor` (`GET …/ho-so-tra`), at most `limit` (1–500) entries.
    public func manifestPage(after cursor: String?, limit: Int) async -> Result<PulledManifestPage, BackendFailure> {
        var query = [("SoLuong", String(min(max(limit, 1), 500)))]
        if let cursor { query.insert(("ConTro", cursor), at: 0) }
        return await call(
            .GET, OneStopPaths.manifest(kiosk: kioskSegment), query: query, timeout: limits.syncTimeout,
            as: OneStopManifestPage.self
        ).flatMap { ManifestTranslation.page($0.body) }
    }

    /// Fetches the procedure catalogue (`GET …/thu-tuc`).
    public func catalogue() async -> Result<(version: Int64, procedures: [CatalogueProcedure]), BackendFailure> {
        await call(
            .GET, OneStopPaths.procedures(kiosk: kioskSegment), timeout: limits.syncTimeout,
            as: OneStopProcedureCatalogue.self
        ).flatMap { DirectoryTranslation.catalogue($0.body) }
    }

    /// Fetches the staff directory (`GET …/can-bo`).
    public func staffDirectory() async -> Result<(version: Int64, staff: [StaffDirectoryEntry]), BackendFailure> {
        await call(
            .GET, OneStopPaths.staff(kiosk: kioskSegment), timeout: limits.syncTimeout, as: OneStopStaffDirectory.self
        ).flatMap { DirectoryTranslation.staff($0.body) }
    }

    /// Sends a heartbeat (`POST …/nhip-tim`) and returns the backend's answer.
    public func heartbeat(_ report: HeartbeatReport) async -> Result<HeartbeatAnswer, BackendFailure> {
        let body: Data
        do {
            body = try OneStopJSON.encode(OneStopHeartbeat(
                kioskTime: report.kioskTime, softwareVersion: report.softwareVersion, outboxDepth: report.outboxDepth,
                lastAcknowledgedSeq: report.lastAcknowledgedSeq, devices: []))
        } catch {
            return .failure(.malformed("the heartbeat cannot be encoded"))
        }
        return await call(
            .POST, OneStopPaths.heartbeat(kiosk: kioskSegment), json: body, timeout: limits.syncTimeout,
            as: OneStopHeartbeatReply.self
        ).map { answer in
            HeartbeatAnswer(
                serverTime: answer.body.serverTime, lastConsumedSeq: answer.body.lastConsumedSeq,
                catalogueVersion: answer.body.catalogueVersion, staffDirectoryVersion: answer.body.staffDirectoryVersion)
        }
    }
}

/// What the kiosk reports in a heartbeat.
public struct HeartbeatReport: Sendable, Equatable {
    /// The kiosk's wall clock when sending.
    public var kioskTime: Date
    /// The kiosk software version.
    public var softwareVersion: String
    /// Events not yet acknowledged.
    public var outboxDepth: Int
    /// The highest acknowledged sequence number.
    public var lastAcknowledgedSeq: Int64
}

/// What the backend answers to a heartbeat.
public struct HeartbeatAnswer: Sendable, Equatable {
    /// The backend's clock when answering.
    public var serverTime: Date
    /// The last sequence number the backend consumed for this kiosk.
    public var lastConsumedSeq: Int64
    /// The current catalogue version (refresh when newer than the stored one).
    public var catalogueVersion: Int64
    /// The current staff directory version.
    public var staffDirectoryVersion: Int64
}
