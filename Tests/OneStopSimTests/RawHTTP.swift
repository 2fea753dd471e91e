#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One HTTP/1.1 request over a plain loopback socket, with no client library in between (no
/// pooling, no retries), so a test sees exactly what one connection got.
enum RawHTTP {
    enum Failure: Error { case socket, connect }

    /// Sends `GET path` on a new connection and returns every byte received until the server
    /// closes it (empty when it was closed without an answer). Gives up after 30 s of silence.
    static func get(port: Int, path: String) async throws -> Data {
        try await offPool { try blockingGet(port: port, path: path) }
    }

    private static func blockingGet(port: Int, path: String) throws -> Data {
        let descriptor = try open(port: port)
        defer { close(descriptor) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    /// Runs blocking socket work on a thread of its own, so the simulator's tasks keep the
    /// cooperative pool (two threads on a two-core machine) while a test waits on a socket.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// A new loopback connection to `port` whose reads give up after 30 s of silence.
    static func open(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.socket }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure.connect
        }
        return descriptor
    }
}

extension RawHTTP {
    /// A keep-alive connection kept open across requests, to see whether the server ends it.
    final class KeepAlive: Sendable {
        private let descriptor: Int32

        /// Opens a connection to `port`.
        init(port: Int) throws {
            descriptor = try RawHTTP.open(port: port)
        }

        deinit { close(descriptor) }

        /// Sends `GET path` asking to keep the connection and returns the answer's status line
        /// once its head and `Content-Length` body have arrived (empty when the server closed first).
        func get(_ path: String) -> String {
            let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var received = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !Self.isComplete(received) {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return "" }
                received.append(contentsOf: buffer[0..<count])
            }
            return String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
        }

        /// Waits (up to 30 s) for the server to end the connection; true when it did.
        func serverClosed() -> Bool {
            var byte: UInt8 = 0
            let count = recv(descriptor, &byte, 1, 0)
            return count == 0 || (count < 0 && errno == ECONNRESET)
        }

        private static func isComplete(_ data: Data) -> Bool {
            guard let headEnd = data.range(of: Data("\r\n\r\n".utf8)) else { return false }
            let head = String(decoding: data[..<headEnd.lowerBound], as: UTF8.self).lowercased()
            let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            return data.count - headEnd.upperBound >= length
        }
    }
}
