import Foundation
import KioskStore
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
