import Foundation
import GRDB
@testable import KioskStore
import Logging

/// A real database file in a fresh temporary directory, removed afterwards.
func withSyncDatabase(kioskID: String = "KVT01", _ body: (AppDatabase) async throws -> Void) async throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try AppDatabase(
        path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: kioskID, logger: quietLogger)
    try await body(database)
}

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("kiosk-sync-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

/// A logger that drops everything below warnings, so test output stays readable.
let quietLogger: Logger = {
    var logger = Logger(label: "kiosk.sync.tests")
    logger.logLevel = .error
    return logger
}()

/// Thrown when a polled condition did not hold within its hang guard.
struct HangGuardExpired: Error, CustomStringConvertible {
    let what: String
    var description: String { "gave up waiting for \(what)" }
}

/// Polls `condition` every 20 ms until it holds; throws after `guardSeconds` (a hang guard, not
/// a timing expectation).
func waitUntil(_ what: String, guardSeconds: Double = 120, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(guardSeconds)
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw HangGuardExpired(what: what) }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Commits `count` incident events (`SU_CO`, no dossier), `perTransaction` at a time, each with its
/// journal entry, as the kiosk's state changes would.
func commitIncidents(_ count: Int, into database: AppDatabase, perTransaction: Int = 500, at date: Date = Date()) async throws {
    var written = 0
    while written < count {
        let chunk = min(perTransaction, count - written)
        let first = written
        try await database.writer.write { db in
            for index in first..<(first + chunk) {
                let entry = try AppDatabase.appendJournal(
                    JournalDraft(kind: "test.incident", subject: "slot:A-01", actor: "system", details: ["n": "\(index)"]),
                    at: date, in: db)
                _ = try AppDatabase.appendOutbox(
                    try OutboxDraft(kind: .incident, dossierCode: nil, details: ["n": "\(index)"]),
                    journalSeq: entry.seq, occurredAt: entry.recordedAt, in: db)
            }
        }
        written += chunk
        await Task.yield()
    }
}

/// Every outbox row, in sequence order.
func outboxRows(_ database: AppDatabase) async throws -> [OutboxEvent] {
    try await database.writer.read { db in try OutboxEvent.order(Column("seq")).fetchAll(db) }
}
