import Foundation

/// A real `onestop-sim` child process serving the repository's seed from a database file, with
/// one kiosk token read from a private tokens file. Its output goes to a log file in `directory`
/// (never to a pipe nobody drains). Stop it with ``stop()``; start it again on the same port and
/// database with ``restart()``.
final class OneStopSimProcess: @unchecked Sendable {
    /// The repository's `data/seed` directory.
    static var seedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/seed")
    }

    let directory: URL
    private(set) var process: Process
    /// The port it listens on (kept across restarts).
    private(set) var port: Int
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var controlURL: URL { baseURL.appendingPathComponent("control") }
    private var databasePath: String { directory.appendingPathComponent("onestop.sqlite").path }
    private var tokensPath: String { directory.appendingPathComponent("onestop-tokens").path }
    private var portFile: String { directory.appendingPathComponent("onestop.port").path }
    /// Everything the simulator wrote, across restarts.
    var log: String { (try? String(contentsOfFile: directory.appendingPathComponent("onestop.log").path, encoding: .utf8)) ?? "" }

    /// Starts the simulator on a free port, accepting `kioskID` with `token`, and waits until it
    /// listens (a hang guard of `limit` seconds, not a time bound).
    init(directory: URL, kioskID: String, token: String, limit: TimeInterval = 120) async throws {
        self.directory = directory
        try Data("\(kioskID)=\(token)\n".utf8).write(to: URL(fileURLWithPath: directory.appendingPathComponent("onestop-tokens").path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.appendingPathComponent("onestop-tokens").path)
        process = Process()
        port = 0
        process = try launch(port: 0)
        port = try await waitForPort(limit: limit)
    }

    /// Starts it again on the same port and database after ``stop()``.
    func restart(limit: TimeInterval = 120) async throws {
        process = try launch(port: port)
        _ = try await waitForPort(limit: limit)
    }

    /// SIGTERM, then the exit status (killed after `limit` seconds).
    @discardableResult
    func stop(limit: TimeInterval = 120) async -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func launch(port: Int) throws -> Process {
        try? FileManager.default.removeItem(atPath: portFile)
        let logURL = directory.appendingPathComponent("onestop.log")
        if !FileManager.default.fileExists(atPath: logURL.path) { _ = FileManager.default.createFile(atPath: logURL.path, contents: nil) }
        let output = try FileHandle(forWritingTo: logURL)
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = KioskdProcess.builtProduct("onestop-sim")
        process.arguments = [
            "--tokens-file", tokensPath, "--port", "\(port)", "--port-file", portFile, "--database", databasePath,
            "--seed-dir", Self.seedDirectory.path, "--hash-iterations", "1000",
        ]
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The port from the port file, once the simulator wrote it.
    private func waitForPort(limit: TimeInterval) async throws -> Int {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return port
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw SimDidNotListen(log: log)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

/// onestop-sim exited or never wrote its port file.
struct SimDidNotListen: Error, CustomStringConvertible {
    let log: String
    var description: String { "onestop-sim did not start listening:\n\(log)" }
}
