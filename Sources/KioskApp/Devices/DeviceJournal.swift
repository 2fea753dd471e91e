import Foundation
import KioskStore
import Logging

/// Appends device status changes to the store's journal (kind `printer.paperOut`,
/// `scanner.disconnected`…, actor `system`), so a technician can see when a device failed and
/// recovered. A journal write that fails is logged and does not stop the device service.
struct DeviceJournal: Sendable {
    let database: AppDatabase
    let logger: Logger
    let now: @Sendable () -> Date

    /// Records `kind` about device `subject` with `details` (never personal data).
    func record(_ kind: String, subject: String, details: [String: String]) async {
        do {
            try await database.record(JournalDraft(kind: kind, subject: subject, actor: "system", details: details), at: now())
        } catch {
            logger.error("device change not journalled", metadata: ["journal.kind": "\(kind)", "error": "\(error)"])
        }
    }
}
