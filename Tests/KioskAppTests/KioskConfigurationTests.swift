import Foundation
import Testing
@testable import KioskApp

@Suite struct KioskConfigurationTests {
    static let valid = """
        {
          "kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7 Vị Thanh", "agency": "Trung tâm PVHCC", "hotline": "0293 3870 000"},
          "stateDirectory": "/var/lib/dossier-kiosk",
          "http": {"host": "127.0.0.1", "port": 8080}
        }
        """

    private func parse(_ text: String) throws(ConfigurationError) -> KioskConfiguration {
        try KioskConfiguration.parse(Data(text.utf8))
    }

    /// The valid configuration with `key` in `section` replaced by the JSON `value` (or removed when nil).
    private func variant(section: String?, key: String, value: String?) -> String {
        var object = (try? JSONSerialization.jsonObject(with: Data(Self.valid.utf8))) as? [String: Any] ?? [:]
        let parsed = value.flatMap { try? JSONSerialization.jsonObject(with: Data("[\($0)]".utf8)) as? [Any] }?.first
        if let section {
            var inner = object[section] as? [String: Any] ?? [:]
            inner[key] = parsed
            object[section] = inner
        } else {
            object[key] = parsed
        }
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func validFile_readsEveryValue_andDefaultsTheOptionalSections() throws {
        let config = try parse(Self.valid)
        #expect(config.kiosk.id == "KVT01")
        #expect(config.kiosk.name == "ATM hồ sơ 24/7 Vị Thanh")
        #expect(config.http == .init(host: "127.0.0.1", port: 8080))
        #expect(config.policies == .init(holdingPeriodDays: 7, wrongCodesPerDossier: 5, wrongCodesPerMinute: 10))
        #expect(config.logLevel == "info")
        #expect(config.databasePath == "/var/lib/dossier-kiosk/kiosk.sqlite")
    }

    @Test func exampleConfigurationShippedWithTheProduct_isValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try KioskConfiguration.load(path: root.appendingPathComponent("systemd/kioskd.example.json").path)
        #expect(config.kiosk.id == "KVT01")
    }

    @Test(arguments: [
        (nil as String?, "stateDirectory", nil as String?, ConfigurationError.missing(key: "stateDirectory")),
        ("kiosk", "id", nil, .missing(key: "kiosk.id")),
        ("kiosk", "id", #""K V T""#, .invalid(key: "kiosk.id", reason: "may contain only letters, digits, '_' and '-'")),
        ("kiosk", "id", "42", .invalid(key: "kiosk.id", reason: "must be a string")),
        ("kiosk", "name", #""\u0007bell""#, .invalid(key: "kiosk.name", reason: "must not contain control characters")),
        ("kiosk", "nmae", #""typo""#, .unknown(key: "kiosk.nmae")),
        ("http", "port", "70000", .invalid(key: "http.port", reason: "must be between 0 and 65535 (got 70000)")),
        ("http", "port", #""8080""#, .invalid(key: "http.port", reason: "must be a whole number")),
        ("http", "port", "true", .invalid(key: "http.port", reason: "must be a whole number")),
        ("http", "port", "80.5", .invalid(key: "http.port", reason: "must be a whole number")),
        (nil, "policies", #"{"holdingPeriodDays": 0}"#,
         .invalid(key: "policies.holdingPeriodDays", reason: "must be between 1 and 90 (got 0)")),
        (nil, "logging", #"{"level": "loud"}"#,
         .invalid(key: "logging.level", reason: "must be one of trace, debug, info, notice, warning, error, critical")),
        (nil, "http", "[]", .invalid(key: "http", reason: "must be an object")),
        (nil, "secretToken", #""x""#, .unknown(key: "secretToken")),
    ])
    func badValue_isRefusedNamingTheKey(section: String?, key: String, value: String?, expected: ConfigurationError) {
        #expect(throws: expected) { try parse(variant(section: section, key: key, value: value)) }
    }

    @Test func notJSON_orNotAnObject_orHuge_isMalformed() {
        #expect(throws: ConfigurationError.malformed("not valid JSON")) { try parse("kiosk: KVT01") }
        #expect(throws: ConfigurationError.malformed("the top level is not a JSON object")) { try parse("[1]") }
        #expect(throws: ConfigurationError.malformed("larger than 1 MiB")) {
            try parse("{\"x\": \"" + String(repeating: "a", count: 1_100_000) + "\"}")
        }
    }

    @Test func missingFile_isUnreadableNamingThePath() {
        #expect {
            try KioskConfiguration.load(path: "/nonexistent/kiosk.json")
        } throws: { error in
            (error as? ConfigurationError)?.description.hasPrefix("config: cannot read /nonexistent/kiosk.json") == true
        }
    }

    @Test func errorDescriptions_areOneLineNamingTheKey() {
        #expect(ConfigurationError.missing(key: "kiosk.id").description == "config: missing key 'kiosk.id'")
        #expect(ConfigurationError.unknown(key: "x.y").description == "config: unknown key 'x.y'")
    }
}
