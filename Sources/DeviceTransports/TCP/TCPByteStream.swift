#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import KioskHAL

/// A TCP connection as a `ByteStream`: a network receipt printer on port 9100, or the printer
/// emulator's end of one. Small writes go out at once (`TCP_NODELAY`). The peer closing or
/// resetting the connection makes reads (after the bytes already received) and writes fail
/// with `.disconnected`.
public final class TCPByteStream: FileDescriptorBacked {
    let stream: FileDescriptorStream

    /// `tcp:<host>:<port>` for outgoing connections unless named; `<listener>:connection` for
    /// accepted ones.

    init(stream: FileDescriptorStream) {
        self.stream = stream
    }

    /// Connects to `host` (name or numeric address) and `port`, trying each resolved address
    /// until one answers, all within `timeout`.
    /// - Throws: `.disconnected` when refused, unreachable or unresolvable, `.timedOut` when no
    ///   address answered within `timeout`, `CancellationError`.
    public static func connect(host: String, port: UInt16, timeout: Duration, name: String? = nil) async throws -> TCPByteStream {
        let device = name ?? "tcp:\(host):\(port)"
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let addresses = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[SocketAddress], any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result<[SocketAddress], any Error> {
                    try SocketAddress.resolve(host: host, port: port, passive: false, device: device)
                })
            }
        }
        var lastError = HALError(.disconnected, device: device, detail: "no address for \(host):\(port)")
        for address in addresses {
            do {
                return try await attempt(address, until: deadline, device: device, target: "\(host):\(port)")
            } catch let error as HALError where error.kind != .timedOut {
                lastError = error
            }
        }
        throw lastError
    }

    /// One non-blocking connect to `address`, waiting for writability until `deadline`.
    private static func attempt(
        _ address: SocketAddress, until deadline: ContinuousClock.Instant, device: String, target: String
    ) async throws -> TCPByteStream {
        let descriptor = SocketAddress.makeSocket(family: address.family)
        guard descriptor >= 0 else {
            throw HALError(.unsupported, device: device, detail: "cannot create socket: \(SystemCalls.describe(errno))")
        }
        var status = address.startConnect(descriptor)
        while status != 0, errno == EINTR { status = address.startConnect(descriptor) }
        let inProgress = status != 0 && errno == EINPROGRESS
        if status != 0, !inProgress {
            let code = errno
            SystemCalls.close(descriptor)
            throw SystemCalls.openFailure(code, device: device, path: target)
        }
        let stream = try FileDescriptorStream(adopting: descriptor, name: device)
        if inProgress {
            do {
                try await waitConnected(stream, until: deadline, device: device, target: target)
            } catch {
                await stream.close()
                if let error = error as? HALError, error.kind == .timedOut {
                    throw HALError(.timedOut, device: device, detail: "no answer from \(target) within the timeout")
                }
                throw error
            }
        }
        SocketAddress.enable(descriptor, level: Int32(IPPROTO_TCP), option: TCP_NODELAY)
        return TCPByteStream(stream: stream)
    }

    /// Waits for a pending connect to finish and reports its outcome (`SO_ERROR`).
    private static func waitConnected(
        _ stream: FileDescriptorStream, until deadline: ContinuousClock.Instant, device: String, target: String
    ) async throws {
        let descriptor = try stream.handle.acquire()
        defer { stream.handle.release() }
        try await stream.handle.waitReady(.output, descriptor: descriptor, until: deadline)
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { code = errno }
        if code != 0 { throw SystemCalls.openFailure(code, device: device, path: target) }
    }
}
