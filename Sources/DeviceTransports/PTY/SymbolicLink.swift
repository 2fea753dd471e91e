#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// The stable device symlinks of emulated ports (`/tmp/kiosk/lockbus0` → `/dev/pts/7`), made
/// and removed so that a driver configured with the link path never sees a half-made link.
enum SymbolicLink {
    /// Points `linkPath` at `target`, replacing whatever is there in one `rename(2)`.
    /// - Throws: `.unsupported` naming the path when the link cannot be made.
    static func replace(at linkPath: String, pointingTo target: String, device: String) throws(HALError) {
        let temporary = "\(linkPath).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        guard symlink(target, temporary) == 0 else {
            throw HALError(.unsupported, device: device, detail:
                "cannot create symlink \(temporary) → \(target): \(SystemCalls.describe(errno))")
        }
        guard rename(temporary, linkPath) == 0 else {
            let code = errno
            _ = unlink(temporary)
            throw HALError(.unsupported, device: device, detail:
                "cannot move symlink into place at \(linkPath): \(SystemCalls.describe(code))")
        }
    }

    /// Removes `linkPath` only while it still points at `target`, so closing an old port never
    /// removes the link a newer port already took over.
    static func remove(at linkPath: String, ifPointingTo target: String) {
        guard destination(of: linkPath) == target else { return }
        _ = unlink(linkPath)
    }

    /// Where `linkPath` points, or `nil` when it is not a symlink.
    static func destination(of linkPath: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(linkPath, &buffer, buffer.count)
        guard count > 0, count < buffer.count else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
