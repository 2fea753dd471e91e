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
