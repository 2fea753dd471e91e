import Foundation
import KioskStore
import Logging

extension SyncService {
    /// Manifest rounds every `manifestInterval`, or sooner when asked.
    func pullLoop() async throws {
        var generator = makeGenerator()
        while !Task.isCancelled {
            _ = await pullManifest(using: &generator)
            await pullBell.wait(upTo: settings.manifestInterval, clock: clock)
        }
    }

    /// Runs one manifest round to its end: pages fetched after the stored cursor, each applied with
    /// its cursor in one transaction. A malformed page leaves the store untouched and is fetched
    /// again after backoff.
    /// - Returns: how the round ended.
    func pullManifest(using generator: inout some RandomNumberGenerator) async -> PullOutcome {
        let cursor: String?
        do {
            cursor = try await database.manifestCursor()
        } catch {
            logger.error("manifest cursor unreadable", metadata: ["error": "\(error)"])
            return .failed(.malformed("the stored manifest cursor is unreadable"), pages: 0, entries: 0)
        }
        guard
            var session = try? PullSession(
                resumingAfter: cursor, maximumPages: settings.maximumPagesPerRound, backoff: settings.backoff)
        else { return .failed(.malformed("invalid manifest settings"), pages: 0, entries: 0) }
        var action = session.firstAction
        var fetched: [ManifestEntry] = []
        while true {
            let event: PullEvent
            switch action {
            case .fetch(let after):
                switch await client.manifestPage(after: after, limit: settings.manifestPageSize) {
                case .success(let page):
                    fetched = page.entries
                    event = .fetched(page.summary)
                case .failure(let failure):
                    await note(failure, during: "manifest page after \(after ?? "start")")
                    event = .failed(failure)
                }
            case .apply(let newCursor):
                do {
                    let result = try await database.applyManifestPage(fetched, cursor: newCursor, at: now())
                    for task in result.recallTasks {
                        logger.notice("withdrawn result must be recalled", metadata: [
                            "dossier.code": "\(task.dossierCode)", "slot.id": "\(task.slotId ?? "-")",
                        ])
                    }
                    event = .applied
                } catch {
                    if Task.isCancelled || error is CancellationError {
                        return .failed(.transport("cancelled"), pages: session.pages, entries: session.entries)
                    }
                    logger.error("manifest page not applied", metadata: ["error": "\(error)"])
                    event = .failed(.malformed("the page breaks the store's rules: \(error)"))
                }
                fetched = []
            case .wait(let delay):
                guard await Task.sleep(for: delay, on: clock) else {
                    return .failed(.transport("cancelled"), pages: session.pages, entries: session.entries)
                }
                event = .waited
            case .finish(let outcome):
                if case .upToDate = outcome { await noteSuccess(.pull) }
                if case .failed(.status(400, let detail), _, _) = outcome, detail.contains("cursor-invalid") {
                    logger.warning("backend refused the manifest cursor; starting over")
                    try? await database.resetManifestCursor(at: now())
                }
                return outcome
            }
            action = session.handle(event, using: &generator)
        }
    }
}
