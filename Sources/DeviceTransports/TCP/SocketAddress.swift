#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// One resolved IPv4/IPv6 socket address, copied out of `getaddrinfo`.
struct SocketAddress: Sendable {
    let family: Int32
    let storage: sockaddr_storage
    let length: socklen_t

    /// Resolves `host` (a name or a numeric address) and `port`, numeric service only.
    /// Blocking (name lookup), so callers run it off the concurrency pool.
    /// - Throws: `.disconnected` naming the host when it cannot be resolved.
    static func resolve(host: String, port: UInt16, passive: Bool, device: String) throws(HALError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let reason = gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
            throw HALError(.disconnected, device: device, detail: "cannot resolve \(host):\(port): \(reason)")
        }
        defer { freeaddrinfo(first) }
        var addresses: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr, Int(entry.pointee.ai_addrlen) <= MemoryLayout<sockaddr_storage>.size {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(entry.pointee.ai_addrlen)))
                }
                addresses.append(SocketAddress(family: entry.pointee.ai_family, storage: storage, length: entry.pointee.ai_addrlen))
            }
            cursor = entry.pointee.ai_next
        }
        return addresses
    }

    /// Calls `body` with this address as a `sockaddr` pointer.
    func withSockAddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// Starts a `connect(2)` of `descriptor` to this address; 0 or -1 with `errno` set
    /// (`EINPROGRESS` for a non-blocking socket still connecting).
    func startConnect(_ descriptor: Int32) -> Int32 {
        withSockAddr { connect(descriptor, $0, $1) }
    }

    /// Binds `descriptor` to this address; 0 or -1 with `errno` set.
    func bindSocket(_ descriptor: Int32) -> Int32 {
        withSockAddr { bind(descriptor, $0, $1) }
    }

    /// Accepts one pending connection on a listening socket without blocking; the new
    /// descriptor, or -1 with `errno` set (`EAGAIN` when none is pending).
    static func acceptPending(_ descriptor: Int32) -> Int32 {
        accept(descriptor, nil, nil)
    }

    /// The port a bound socket got (after binding to port 0).
    static func localPort(of descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutableBytes(of: &storage) { raw in
            getsockname(descriptor, raw.baseAddress?.assumingMemoryBound(to: sockaddr.self), &length)
        }
        guard status == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafeBytes(of: storage) { UInt16(bigEndian: $0.load(as: sockaddr_in.self).sin_port) }
        case AF_INET6:
            return withUnsafeBytes(of: storage) { UInt16(bigEndian: $0.load(as: sockaddr_in6.self).sin6_port) }
        default:
            return nil
        }
    }

    /// Creates a non-blocking, close-on-exec stream socket of `family`.
    static func makeSocket(family: Int32) -> Int32 {
        socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    }

    /// Sets an integer socket option to 1; failures are ignored (latency tuning only).
    static func enable(_ descriptor: Int32, level: Int32, option: Int32) {
        var one: Int32 = 1
        _ = setsockopt(descriptor, level, option, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}
