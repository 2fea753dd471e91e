import DeviceTransports
import Foundation
import KioskHAL
import Logging

/// How an emulator serves one open stream: until the stream reports `.disconnected` or the
/// task is cancelled (both return), or a stream error (thrown).
typealias StreamServer = @Sendable (any ByteStream) async throws -> Void

// The serving loops: each opens its port while plugged, serves it, and opens it again after a replug.
extension DevicePlug {
    /// Serves `serve` on a PTY whose stable symlink is `link` until cancelled; after an unplug,
    /// waits for `replug()` and serves a new PTY at the same link.
    /// - Throws: `HALError` when no PTY can be created, or the error creating the link's directory.
    func servePTY(link: String, _ serve: StreamServer) async throws {
        try FileManager.default.createDirectory(
            atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        while !Task.isCancelled {
            await waitUntilPlugged()
            guard !Task.isCancelled else { break }
            let pty = try PseudoTerminal(name: id, linkPath: link)
            guard let token = await attach({ await pty.close() }) else { continue }
            setTerminalPath(pty.slavePath)
            logger.notice("\(kind) serving", metadata: ["device.id": "\(id)", "device.link": "\(link)", "pty": "\(pty.slavePath)"])
            let healthy = await serveSession(on: pty.master, port: link, serve)
            await pty.close()
            detach(token)
            setTerminalPath(nil)
            guard !Task.isCancelled else { break }
            if healthy {
                logger.notice("\(kind) unplugged", metadata: ["device.id": "\(id)"])
            } else {
                await unplug()
            }
        }
    }

    /// Serves `serve` on TCP `host`:`port` (0 = any free port, kept across replugs) until
    /// cancelled, one connection at a time like a network printer: the next connection is
    /// accepted once the previous one closed. While unplugged nothing listens (connections are
    /// refused) and the open connection is closed.
    /// - Throws: `HALError` when the first listener cannot be opened (port in use, bad address).
    func serveTCP(host: String, port: UInt16, _ serve: StreamServer) async throws {
        var boundPort = port
        var first = true
        while !Task.isCancelled {
            await waitUntilPlugged()
            guard !Task.isCancelled else { break }
            let listener: TCPListener
            do {
                listener = try TCPListener(host: host, port: boundPort, name: "\(id):tcp")
            } catch {
                if first { throw error }
                logger.error("\(kind) cannot listen again", metadata: ["device.id": "\(id)", "error": "\(error)"])
                await unplug()
                continue
            }
            first = false
            boundPort = listener.port
            setTCPPort(listener.port)
            guard let token = await attach({ await listener.close() }) else { continue }
            logger.notice("\(kind) listening", metadata: ["device.id": "\(id)", "tcp": "\(host):\(listener.port)"])
            await acceptConnections(on: listener, serve)
            await listener.close()
            detach(token)
        }
    }

    /// Accepts and serves connections one after another until the listener closes (unplug) or
    /// the task is cancelled.
    private func acceptConnections(on listener: TCPListener, _ serve: StreamServer) async {
        while !Task.isCancelled {
            let connection: TCPByteStream
            do {
                connection = try await listener.accept(timeout: .seconds(3600))
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch {
                return
            }
            guard let token = await attach({ await connection.close() }) else { return }
            logger.info("\(kind) connection opened", metadata: ["device.id": "\(id)"])
            _ = await serveSession(on: connection, port: listener.name, serve)
            await connection.close()
            detach(token)
            logger.info("\(kind) connection closed", metadata: ["device.id": "\(id)"])
        }
    }

    /// Runs `serve` on `stream` until it ends; a timed-out write (a peer that stopped reading)
    /// is logged and serving goes on. Returns false when serving stopped on another error.
    private func serveSession(on stream: any ByteStream, port: String, _ serve: StreamServer) async -> Bool {
        while !Task.isCancelled {
            do {
                try await serve(stream)
                return true
            } catch let error as HALError where error.kind == .timedOut {
                logger.warning("\(kind) write timed out", metadata: ["device.id": "\(id)", "port": "\(port)"])
            } catch {
                logger.error("\(kind) stopped", metadata: ["device.id": "\(id)", "port": "\(port)", "error": "\(error)"])
                return false
            }
        }
        return true
    }
}
