import Foundation
import KioskDomain
@testable import KioskStore

/// A real database file in a fresh temporary directory; see ``withTemporaryStore(_:)``.
final class TemporaryStore: Sendable {
    let directory: URL
    var path: String { directory.appendingPathComponent("kiosk.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosk-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func open(kioskID: String = "KVT01") throws -> AppDatabase {
        try AppDatabase(path: path, kioskID: kioskID)
    }

}

/// Runs `body` with a fresh temporary store directory and removes the directory afterwards,
/// whether `body` succeeds or throws.
func withTemporaryStore(_ body: (TemporaryStore) async throws -> Void) async throws {
    let temp = try TemporaryStore()
    defer { try? FileManager.default.removeItem(at: temp.directory) }
    try await body(temp)
}

/// Runs `body` with a freshly opened database in a temporary directory.
func withDatabase(_ body: (AppDatabase) async throws -> Void) async throws {
    try await withTemporaryStore { temp in try await body(try temp.open()) }
}

enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_762_930_025)  // 12/11/2025 13:47:05 +07:00

    static func code(_ text: String) throws -> DossierCode { try DossierCode(validating: text) }

    static func dossier(_ text: String, size: SlotSize = .small) throws -> DossierRecord {
        DossierRecord(
            code: try code(text), procedureCode: ProcedureCode("1.001612") ?? ProcedureCode("1.000000")!,
            procedureName: "Đăng ký thành lập hộ kinh doanh", nationalStatus: .resultReady,
            ownerNameMasked: "Nguyễn T** Thu Hà", ownerIdLast4: "4821", requiredSize: size, updatedAt: now)
    }

    static func slot(_ label: String, size: SlotSize = .small) -> SlotRecord {
        SlotRecord(id: SlotID(label)!, size: size, doorHeightMm: 900, updatedAt: now)
    }
}
