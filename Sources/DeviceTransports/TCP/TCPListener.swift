#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A listening TCP socket that hands out one accepted connection per `accept(timeout:)` call
/// as a `ByteStream` — the printer emulator's port 9100. The backlog is 1: a device serves one
/// host at a time, so the emulator accepts, serves, and accepts again.
public final class TCPListener: Sendable {
    /// The port actually bound (the kernel's choice when 0 was asked for).
    public let port: UInt16
    /// Name used in errors, `tcp-listen:<host>:<port>` unless given.
    public let name: String

    private let handle: FileDescriptorHandle

    /// Listens on numeric `host` (default loopback) and `port` (0 = any free port).
    /// - Throws: `.busy` when the port is in use, `.unsupported` or `.disconnected` when the
    ///   address cannot be used.
    public init(host: String = "127.0.0.1", port: UInt16 = 0, name: String? = nil) throws(HALError) {
        let provisional = name ?? "tcp-listen:\(host):\(port)"
        let addresses = try SocketAddress.resolve(host: host, port: port, passive: true, device: provisional)
        guard let address = addresses.first else {
            throw HALError(.unsupported, device: provisional, detail: "no address for \(host)")
        }
        let descriptor = SocketAddress.makeSocket(family: address.family)
        guard descriptor >= 0 else {
            throw HALError(.unsupported, device: provisional, detail: "cannot create socket: \(SystemCalls.describe(errno))")
        }
        SocketAddress.enable(descriptor, level: SOL_SOCKET, option: SO_REUSEADDR)
        guard address.bindSocket(descriptor) == 0, listen(descriptor, 1) == 0 else {
            let code = errno
            SystemCalls.close(descriptor)
            if code == EADDRINUSE {
                throw HALError(.busy, device: provisional, detail: "port in use: \(host):\(port)")
            }
            throw SystemCalls.openFailure(code, device: provisional, path: "\(host):\(port)")
        }
        guard let bound = SocketAddress.localPort(of: descriptor) else {
            SystemCalls.close(descriptor)
            throw HALError(.unsupported, device: provisional, detail: "cannot read the bound port")
        }
        self.port = bound
        self.name = name ?? "tcp-listen:\(host):\(bound)"
        handle = FileDescriptorHandle(adopting: descriptor, name: self.name)
    }

    /// Waits up to `timeout` for the next connection and returns it as a stream.
    /// - Throws: `.timedOut` when nobody connected, `.disconnected` once the listener is
    ///   closed, `.unsupported` when the process is out of descriptors, `CancellationError`.
    public func accept(timeout: Duration) async throws -> TCPByteStream {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let descriptor = try handle.acquire()
        defer { handle.release() }
        while true {
            try Task.checkCancellation()
            let connection = SocketAddress.acceptPending(descriptor)
            if connection >= 0 {
                SocketAddress.enable(connection, level: Int32(IPPROTO_TCP), option: TCP_NODELAY)
                return TCPByteStream(stream: try FileDescriptorStream(adopting: connection, name: "\(name):connection"))
            }
            let code = errno
            switch code {
            case EINTR, ECONNABORTED, EPROTO:
                continue
            case EAGAIN, EWOULDBLOCK:
                do {
                    try await handle.waitReady(.input, descriptor: descriptor, until: deadline)
                } catch let error as HALError where error.kind == .timedOut {
                    throw HALError(.timedOut, device: name, detail: "no connection within \(timeout)")
                }
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                throw HALError(.unsupported, device: name, detail: "accept failed: \(SystemCalls.describe(code))")
            default:
                throw SystemCalls.ioFailure(code, device: name, operation: "accept")
            }
        }
    }

    /// Stops listening (idempotent); a waiting `accept` fails with `.disconnected`.
    public func close() async {
        await handle.close()
    }
}
