import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `kioskd` child process with its standard error captured line by line.
final class KioskdProcess: @unchecked Sendable {
    /// The built `kioskd` next to the test binary, or `KIOSKD_BINARY` when set.
    static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["KIOSKD_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        return builtProduct("kioskd")
    }

    /// A product built next to the test binary.
    static func builtProduct(_ name: String) -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0],
                             relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var directory = testBinary.deletingLastPathComponent()
        // The test bundle may be a directory (…/DossierKioskPackageTests.xctest/…).
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent(name)
    }

    let process = Process()
    private let errorPipe = Pipe()
    private let outputPipe = Pipe()
    private let lock = NSLock()
    private var captured = ""

    init(arguments: [String], executable: URL = KioskdProcess.binary) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.standardError = errorPipe
        process.standardOutput = outputPipe
        process.standardInput = FileHandle.nullDevice
        errorPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.captured += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything written to standard error so far.
    var standardError: String { lock.withLock { captured } }

    /// Standard output, read after the process exited.
    func standardOutput() -> String {
        String(decoding: outputPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Waits until standard error contains `text`; gives up after `limit` seconds (a hang guard,
    /// not a performance bound) or when the process exits.
    func waitForOutput(containing text: String, limit: TimeInterval = 120) async -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if standardError.contains(text) { return true }
            if !process.isRunning { return standardError.contains(text) }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return false
    }

    /// Waits for the process to exit and returns its status; kills it after `limit` seconds.
    func waitForExit(limit: TimeInterval = 120) async -> Int32 {
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline {
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        errorPipe.fileHandleForReading.readabilityHandler = nil
        let rest = errorPipe.fileHandleForReading.readDataToEndOfFile()
        lock.withLock { captured += String(decoding: rest, as: UTF8.self) }
        return process.terminationStatus
    }

    /// The `http.url=` value the service logged once it was listening.
    var listeningURL: URL? {
        guard let range = standardError.range(of: "http.url=") else { return nil }
        let value = standardError[range.upperBound...].prefix { !$0.isWhitespace }
        return URL(string: String(value))
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// A throw-away directory holding a configuration and a state directory.
struct KioskdSandbox {
    let directory: URL
    var stateDirectory: URL { directory.appendingPathComponent("state") }
    var configPath: String { directory.appendingPathComponent("kioskd.json").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes a valid configuration listening on a free loopback port.
    func writeValidConfig(kioskID: String = "KVT01") throws {
        try writeConfig("""
            {
              "kiosk": {"id": "\(kioskID)", "name": "ATM hồ sơ 24/7 Vị Thanh", "agency": "Trung tâm PVHCC",
                        "hotline": "0293 3870 000"},
              "stateDirectory": "\(stateDirectory.path)",
              "http": {"host": "127.0.0.1", "port": 0},
              "logging": {"level": "info"}
            }
            """)
    }

    func writeConfig(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// GET `url` and decode its JSON body as a dictionary.
func fetchJSON(_ url: URL) async throws -> (status: Int, body: [String: Any]) {
    let (data, response) = try await URLSession.shared.data(from: url)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    let body = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    return (status, body)
}
