import Foundation
import KioskSync
import Testing
@testable import KioskApp

/// The `backend` section: its keys, its ranges, and the bearer token read from a private file or
/// an environment variable, never from the configuration and never into an error.
@Suite struct BackendConfigurationTests {
    static let token = "kvt01-backend-token-7f3a9c2e5b1d"

    /// A configuration whose `backend` section is `backend` (a JSON object text).
    private func configuration(backend: String) -> String {
        """
        {
          "kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7 Vị Thanh", "agency": "Trung tâm PVHCC", "hotline": "0293 3870 000"},
          "stateDirectory": "/var/lib/dossier-kiosk",
          "backend": \(backend)
        }
        """
    }

    private func parse(backend: String) throws(ConfigurationError) -> KioskConfiguration {
        try KioskConfiguration.parse(Data(configuration(backend: backend).utf8))
    }

    /// A fresh directory holding a token file with `contents` and `mode`.
    private func tokenFile(_ contents: String, mode: Int) throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backend-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("backend.token").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (directory, path)
    }

    @Test func fullSection_readsEveryValue_andMapsTheIntervalsToTheSyncSettings() throws {
        // Given a section with every key
        let config = try parse(backend: """
            {"baseURL": "https://motcua.example.gov.vn/kiosk-api/", "tokenFile": "/etc/dossier-kiosk/backend.token",
             "pushIdleSeconds": 2, "manifestIntervalSeconds": 30, "refreshIntervalSeconds": 600,
             "heartbeatIntervalSeconds": 20, "requestTimeoutSeconds": 10}
            """)
        // Then every value is kept, and the intervals become the sync settings
        let backend = try #require(config.backend)
        #expect(backend.baseURL.absoluteString == "https://motcua.example.gov.vn/kiosk-api/")
        #expect(backend.token == .file("/etc/dossier-kiosk/backend.token"))
        #expect(backend.requestTimeoutSeconds == 10)
        let settings = backend.syncSettings
        #expect(settings.pushIdleInterval == .seconds(2))
        #expect(settings.manifestInterval == .seconds(30))
        #expect(settings.refreshInterval == .seconds(600))
        #expect(settings.heartbeatInterval == .seconds(20))
        #expect(settings.softwareVersion == KioskVersion.current)
        #expect(settings.pushBatchSize == SyncSettings.standard.pushBatchSize)
    }

    @Test func minimalSection_takesTheProductionIntervals_andAnAbsentSectionMeansNoBackend() throws {
        let config = try parse(backend: #"{"baseURL": "http://127.0.0.1:8090", "tokenEnvironment": "KIOSK_BACKEND_TOKEN"}"#)
        let backend = try #require(config.backend)
        #expect(backend.token == .environment("KIOSK_BACKEND_TOKEN"))
        #expect(backend.syncSettings.manifestInterval == SyncSettings.standard.manifestInterval)
        #expect(backend.syncSettings.heartbeatInterval == SyncSettings.standard.heartbeatInterval)
        #expect(backend.requestTimeoutSeconds == 30)
        #expect(try KioskConfiguration.parse(Data(KioskConfigurationTests.valid.utf8)).backend == nil)
    }

    @Test(arguments: [
        (#"{"tokenFile": "/etc/t"}"#, ConfigurationError.missing(key: "backend.baseURL")),
        (#"{"baseURL": "ftp://motcua.example.gov.vn", "tokenFile": "/etc/t"}"#,
         .invalid(key: "backend.baseURL", reason: "must use http or https")),
        (#"{"baseURL": "motcua.example.gov.vn", "tokenFile": "/etc/t"}"#,
         .invalid(key: "backend.baseURL", reason: "must be an absolute URL such as https://motcua.example.gov.vn")),
        (#"{"baseURL": "https://", "tokenFile": "/etc/t"}"#, .invalid(key: "backend.baseURL", reason: "must name a host")),
        (#"{"baseURL": "https://kvt01:secret@motcua.example.gov.vn", "tokenFile": "/etc/t"}"#,
         .invalid(key: "backend.baseURL", reason: "must not carry credentials; use 'tokenFile' or 'tokenEnvironment'")),
        (#"{"baseURL": "https://motcua.example.gov.vn?key=1", "tokenFile": "/etc/t"}"#,
         .invalid(key: "backend.baseURL", reason: "must not have a query or a fragment")),
        (#"{"baseURL": 8090, "tokenFile": "/etc/t"}"#, .invalid(key: "backend.baseURL", reason: "must be a string")),
        (#"{"baseURL": "https://motcua.example.gov.vn"}"#,
         .invalid(key: "backend.tokenFile", reason: "is required (or 'tokenEnvironment'): the section must say where the bearer token is")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "tokenEnvironment": "T"}"#,
         .invalid(key: "backend.tokenEnvironment", reason: "cannot be combined with 'tokenFile'; give one")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "backend.token"}"#,
         .invalid(key: "backend.tokenFile", reason: "must be an absolute path")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenEnvironment": "9LIVES"}"#,
         .invalid(key: "backend.tokenEnvironment",
                  reason: "must be an environment variable name (letters, digits and '_', not starting with a digit)")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "pushIdleSeconds": 0}"#,
         .invalid(key: "backend.pushIdleSeconds", reason: "must be between 1 and 300 (got 0)")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "manifestIntervalSeconds": 1}"#,
         .invalid(key: "backend.manifestIntervalSeconds", reason: "must be between 5 and 86400 (got 1)")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "refreshIntervalSeconds": 86401}"#,
         .invalid(key: "backend.refreshIntervalSeconds", reason: "must be between 60 and 86400 (got 86401)")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "heartbeatIntervalSeconds": 4}"#,
         .invalid(key: "backend.heartbeatIntervalSeconds", reason: "must be between 5 and 3600 (got 4)")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "requestTimeoutSeconds": 301}"#,
         .invalid(key: "backend.requestTimeoutSeconds", reason: "must be between 1 and 300 (got 301)")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "requestTimeoutSeconds": "30"}"#,
         .invalid(key: "backend.requestTimeoutSeconds", reason: "must be a whole number")),
        (#"{"baseURL": "https://motcua.example.gov.vn", "tokenFile": "/etc/t", "heartbeatSeconds": 30}"#,
         .unknown(key: "backend.heartbeatSeconds")),
        (#""https://motcua.example.gov.vn""#, .invalid(key: "backend", reason: "must be an object")),
    ])
    func badSection_isRefusedNamingTheKey(backend: String, expected: ConfigurationError) {
        #expect(throws: expected) { try parse(backend: backend) }
    }

    @Test func anInlineToken_isRefused_withoutRepeatingIt() {
        // Given a technician who pasted the token into the configuration
        let backend = #"{"baseURL": "https://motcua.example.gov.vn", "token": "\#(Self.token)"}"#
        // Then the configuration is refused, naming the key and the right keys, not the token
        #expect {
            try parse(backend: backend)
        } throws: { error in
            guard let error = error as? ConfigurationError, case .invalid(let key, _) = error else { return false }
            return key == "backend.token" && !error.description.contains(Self.token)
                && error.description.contains("tokenFile")
        }
    }

    @Test func privateTokenFile_givesCredentials_trimmedOfItsNewline() throws {
        let (directory, path) = try tokenFile(Self.token + "\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(at: directory) }
        let backend = try #require(try parse(backend: #"{"baseURL": "http://127.0.0.1:8090", "tokenFile": "\#(path)"}"#).backend)
        #expect(try backend.credentials(environment: [:]) == BackendCredentials(bearerToken: Self.token))
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o606])
    func tokenFileOthersMayAccess_isRefusedWithItsMode_withoutTheToken(mode: Int) throws {
        // Given a token file that group or others may read or write
        let (directory, path) = try tokenFile(Self.token, mode: mode)
        defer { try? FileManager.default.removeItem(at: directory) }
        let backend = try #require(try parse(backend: #"{"baseURL": "http://127.0.0.1:8090", "tokenFile": "\#(path)"}"#).backend)
        // Then kioskd refuses it, naming the key, the file and its mode, never the token
        let expected = ConfigurationError.invalid(
            key: "backend.tokenFile",
            reason: "names \(path), which group or others may access (mode \(String(mode, radix: 8))); allow only its owner (chmod 600)")
        #expect(throws: expected) { try backend.credentials(environment: [:]) }
        #expect(!expected.description.contains(Self.token))
    }

    @Test func emptyMissingOrMalformedTokenFile_isRefusedNamingTheFile() throws {
        let (directory, emptyPath) = try tokenFile(" \n", mode: 0o600)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spaced = directory.appendingPathComponent("spaced.token").path
        try Data("two words-\(Self.token)".utf8).write(to: URL(fileURLWithPath: spaced))
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: spaced)
        let missing = directory.appendingPathComponent("absent.token").path
        let cases: [(String, String)] = [
            (emptyPath, "names \(emptyPath), which is empty"),
            (missing, "names \(missing), which does not exist or cannot be examined"),
            (directory.path, "names \(directory.path), which is not a regular file"),
            (spaced, "names \(spaced), which does not hold one token of 1–4096 visible ASCII characters"),
        ]
        for (path, reason) in cases {
            let backend = BackendConfiguration(
                baseURL: URL(fileURLWithPath: "/"), token: .file(path), pushIdleSeconds: 5, manifestIntervalSeconds: 60,
                refreshIntervalSeconds: 900, heartbeatIntervalSeconds: 60, requestTimeoutSeconds: 30)
            #expect(throws: ConfigurationError.invalid(key: "backend.tokenFile", reason: reason)) {
                try backend.credentials(environment: [:])
            }
        }
    }

    @Test func tokenFromTheEnvironment_isRead_andAMissingOrEmptyVariableIsRefused() throws {
        let backend = try #require(try parse(backend: #"{"baseURL": "http://127.0.0.1:8090", "tokenEnvironment": "KIOSK_BACKEND_TOKEN"}"#).backend)
        // Given the variable set, the token is its value
        #expect(try backend.credentials(environment: ["KIOSK_BACKEND_TOKEN": Self.token]) == BackendCredentials(bearerToken: Self.token))
        // When it is unset or empty, kioskd refuses to start, naming the variable
        #expect(throws: ConfigurationError.invalid(
            key: "backend.tokenEnvironment", reason: "names the variable KIOSK_BACKEND_TOKEN, which is not set in kioskd's environment"
        )) { try backend.credentials(environment: ["OTHER": Self.token]) }
        #expect(throws: ConfigurationError.invalid(
            key: "backend.tokenEnvironment", reason: "names the variable KIOSK_BACKEND_TOKEN, which is empty"
        )) { try backend.credentials(environment: ["KIOSK_BACKEND_TOKEN": ""]) }
        // And a malformed value is refused without repeating it
        #expect {
            try backend.credentials(environment: ["KIOSK_BACKEND_TOKEN": "with space \(Self.token)"])
        } throws: { error in
            (error as? ConfigurationError).map { !$0.description.contains(Self.token) && $0.description.contains("backend.tokenEnvironment") } == true
        }
    }
}

extension BackendConfigurationTests {
    @Test func exampleConfiguration_readsItsTokenFromAPrivateFileUnderEtc() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try KioskConfiguration.load(path: root.appendingPathComponent("systemd/kioskd.example.json").path)
        let backend = try #require(config.backend)
        #expect(backend.token == .file("/etc/dossier-kiosk/backend.token"))
        #expect(backend.baseURL.scheme == "https")
    }
}
