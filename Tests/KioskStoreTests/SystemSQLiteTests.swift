import Foundation
import GRDB
import Testing
@testable import KioskStore

@Suite struct SystemSQLiteTests {
    @Test func grdb_runsOnTheSystemLibsqlite3_withJSONFunctions() async throws {
        // Given the version Debian's libsqlite3-dev declares
        let pkgConfig = Process()
        pkgConfig.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pkgConfig.arguments = ["pkg-config", "--modversion", "sqlite3"]
        let output = Pipe()
        pkgConfig.standardOutput = output
        try pkgConfig.run()
        pkgConfig.waitUntilExit()
        let systemVersion = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // When SQLite is asked through GRDB
        try await withDatabase { database throws in
            let linked = try await database.writer.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }
            let json = try await database.writer.read { db in try Bool.fetchOne(db, sql: #"SELECT json_valid('{"a":1}')"#) }
            // Then it is that library, and the JSON functions the schema relies on exist
            #expect(linked == systemVersion)
            #expect(json == true)
        }
    }
}
