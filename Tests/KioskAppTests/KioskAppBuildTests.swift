import Foundation
import Logging
import Testing
@testable import KioskApp

@Suite struct KioskAppBuildTests {
    @Test func stateDirectory_isCreatedPrivate_andAFileInItsPlaceIsRefused() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let state = base.appendingPathComponent("state").path
        try KioskApp.prepareStateDirectory(state)
        let mode = try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        let file = base.appendingPathComponent("file").path
        FileManager.default.createFile(atPath: file, contents: Data())
        #expect(throws: KioskStartupError.stateDirectory(file, "is not a directory")) {
            try KioskApp.prepareStateDirectory(file)
        }
    }
}
