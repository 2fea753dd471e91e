import Foundation
import Testing

/// `kioskd` as a real process: the configuration contract, readiness, health, and a clean stop.
@Suite struct KioskdProcessTests {
    @Test func validConfig_startsListens_answersHealth_andStopsCleanlyOnSIGTERM() async throws {
        // Given a valid configuration in a fresh state directory
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        try sandbox.writeValidConfig()
        // When kioskd starts
        let kioskd = try KioskdProcess(arguments: ["--config", sandbox.configPath])
        let listening = await kioskd.waitForOutput(containing: "kioskd listening")
        #expect(listening, "kioskd did not announce its address:\n\(kioskd.standardError)")
        let url = try #require(kioskd.listeningURL)
        // Then it created its database and answers health over HTTP
        #expect(FileManager.default.fileExists(atPath: sandbox.stateDirectory.appendingPathComponent("kiosk.sqlite").path))
        let health = try await fetchJSON(url.appendingPathComponent("api/health"))
        #expect(health.status == 200)
        #expect(health.body["status"] as? String == "ok")
        #expect(health.body["kioskID"] as? String == "KVT01")
        #expect((health.body["journal"] as? [String: Any])?["intact"] as? Bool == true)
        // When it receives SIGTERM
        kill(kioskd.process.processIdentifier, SIGTERM)
        // Then it shuts down gracefully with status 0
        #expect(await kioskd.waitForExit() == 0)
        #expect(kioskd.standardError.contains("kioskd stopped"))
        // And every log line is structured logfmt
        let lines = kioskd.standardError.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("ts=") && $0.contains(" level=") && $0.contains(" msg=") })
    }

    @Test func restart_reopensTheSameDatabase_andADatabaseOfAnotherKioskIsRefused() async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        try sandbox.writeValidConfig()
        for _ in 0..<2 {
            let kioskd = try KioskdProcess(arguments: ["--config", sandbox.configPath])
            #expect(await kioskd.waitForOutput(containing: "kioskd listening"))
            kill(kioskd.process.processIdentifier, SIGTERM)
            #expect(await kioskd.waitForExit() == 0)
        }
        try sandbox.writeValidConfig(kioskID: "KVT02")
        let other = try KioskdProcess(arguments: ["--config", sandbox.configPath])
        #expect(await other.waitForExit() == 1)
        #expect(other.standardError.contains("database belongs to kiosk KVT01, not KVT02"))
    }

    @Test(arguments: [
        (#"{"kiosk": {"id": "KVT01", "name": "x", "agency": "y", "hotline": "123"}}"#, "config: missing key 'stateDirectory'"),
        (#"{"kiosk": {"id": "KVT01", "name": "x", "agency": "y", "hotline": "123"}, "stateDirectory": "/tmp/x", "http": {"port": 99999}}"#,
         "config: key 'http.port' must be between 0 and 65535 (got 99999)"),
        ("not json", "config: the file is malformed: not valid JSON"),
    ])
    func brokenConfig_exitsWithStatus2_andOneLineNamingTheKey(config: String, expectedLine: String) async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        try sandbox.writeConfig(config)
        let kioskd = try KioskdProcess(arguments: ["--config", sandbox.configPath])
        #expect(await kioskd.waitForExit() == 2)
        #expect(kioskd.standardError == expectedLine + "\n")
    }

    @Test func missingConfigFile_orNoConfigArgument_exitsWithStatus2() async throws {
        let missing = try KioskdProcess(arguments: ["--config", "/nonexistent/kioskd.json"])
        #expect(await missing.waitForExit() == 2)
        #expect(missing.standardError.hasPrefix("config: cannot read /nonexistent/kioskd.json"))
        #expect(missing.standardError.split(separator: "\n").count == 1)

        let none = try KioskdProcess(arguments: [])
        #expect(await none.waitForExit() == 2)
        #expect(none.standardError == "kioskd: config: no configuration file given (kioskd --config FILE)\n")
    }

    @Test func versionFlag_printsTheVersion() async throws {
        let kioskd = try KioskdProcess(arguments: ["--version"])
        #expect(await kioskd.waitForExit() == 0)
        let output = kioskd.standardOutput()
        #expect(output.hasPrefix("kioskd "))
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
