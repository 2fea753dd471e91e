import DeviceTransports
import Foundation
import KioskHAL
import Logging

/// The plug of one emulated device and the ports it is reached through (a PTY with a stable
/// link, a TCP listener). Each port runs its own serving loop (`servePTY`, `serveTCP`);
/// `unplug()` closes every open port at once and keeps them closed, `replug()` lets the loops
/// open them again at the same link and port — the way a USB adapter or a network printer's
/// cable comes and goes. A PTY whose serving fails (other than a timed-out write, which is
/// logged and retried) counts as pulled: the whole device is unplugged until `replug()`.
/// `replug()` while plugged does nothing, so it can never cancel a later unplug.
public actor DevicePlug {
    /// What the device is, for log messages (`lock bus`, `printer`, `scanner`).
    public nonisolated let kind: String
    /// The device id.
    public nonisolated let id: String
    let logger: Logger
    /// Whether the device is plugged in.
    public private(set) var isPlugged = true
    /// The kernel path of the PTY currently served, if any.
    public private(set) var terminalPath: String?
    /// The TCP port currently listened on (or last listened on, while unplugged), if any.
    public private(set) var tcpPort: UInt16?
    /// Closers of the ports and connections open now, by token.
    private var openPorts: [Int: @Sendable () async -> Void] = [:]
    private var waiters: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextToken = 0

    /// A plug for device `id` of `kind`, plugged in.
    init(kind: String, id: String, logger: Logger) {
        self.kind = kind
        self.id = id
        self.logger = logger
    }

    /// Pulls the plug: every open port and connection is closed, and the serving loops wait.
    public func unplug() async {
        isPlugged = false
        let closers = openPorts.values
        openPorts = [:]
        for close in closers { await close() }
    }

    /// Puts the plug back; the loops reopen their ports. Harmless while plugged.
    public func replug() {
        guard !isPlugged else { return }
        isPlugged = true
        for waiter in waiters.values { waiter.yield() }
    }

    /// Returns once plugged in (at once if plugged now), or when the task is cancelled.
    func waitUntilPlugged() async {
        guard !isPlugged else { return }
        let token = takeToken()
        let (signal, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        waiters[token] = continuation
        for await _ in signal where isPlugged { break }
        waiters[token] = nil
    }

    /// Records an open port or connection so that `unplug()` closes it; returns its token, or
    /// `nil` (after closing it) when the device was unplugged meanwhile.
    func attach(_ close: @escaping @Sendable () async -> Void) async -> Int? {
        guard isPlugged else {
            await close()
            return nil
        }
        let token = takeToken()
        openPorts[token] = close
        return token
    }

    /// Forgets a port or connection that closed by itself.
    func detach(_ token: Int?) {
        if let token { openPorts[token] = nil }
    }

    /// Notes the PTY being served (`nil` once closed).
    func setTerminalPath(_ path: String?) { terminalPath = path }

    /// Notes the TCP port listened on.
    func setTCPPort(_ port: UInt16) { tcpPort = port }

    private func takeToken() -> Int {
        nextToken += 1
        return nextToken
    }
}
