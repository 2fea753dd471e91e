#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A pseudo-terminal pair standing in for a serial port: the emulator talks on `master`, the
/// driver opens `devicePath` with `SerialPort` exactly as it opens `/dev/ttyUSB0`.
///
/// Both sides are raw (no echo, no CR/NL translation, 8-bit clean), so bytes pass unchanged in
/// both directions. The pair keeps its own slave descriptor open, so a driver may close and
/// reopen the port without the emulator seeing a hang-up. Closing `master` (or `close()`) is
/// "unplugging": the driver's next read or write fails with `.disconnected`, the slave
/// descriptor is released and the stable symlink, if any, is removed.
public final class PseudoTerminal: Sendable {
    /// The emulator's end, as a byte stream; closing it tears the whole pair down.
    public let master: FileDescriptorStream
    /// The kernel's slave path, e.g. `/dev/pts/7`.
    public let slavePath: String
    /// The stable symlink to `slavePath` when one was requested, e.g. `/tmp/kiosk/lockbus0`.
    public let linkPath: String?

    /// The path a driver opens: the symlink when there is one, else the slave path.
    public var devicePath: String { linkPath ?? slavePath }

    /// Opens a new pair named `name` in errors; with `linkPath`, points that path at the slave
    /// (an existing link or file there is replaced atomically; its directory must exist).
    /// - Throws: `.unsupported` when no PTY can be allocated or the link cannot be made (the
    ///   pair is closed again then).
    public init(name: String, linkPath: String? = nil) throws(HALError) {
        var masterDescriptor: Int32 = -1
        var slaveDescriptor: Int32 = -1
        guard openpty(&masterDescriptor, &slaveDescriptor, nil, nil, nil) == 0 else {
            throw HALError(.unsupported, device: name, detail: "openpty failed: \(SystemCalls.describe(errno))")
        }
        let slavePath: String
        do throws(HALError) {
            guard fcntl(slaveDescriptor, F_SETFD, FD_CLOEXEC) == 0 else {
                throw HALError(.unsupported, device: name, detail: "cannot set close-on-exec: \(SystemCalls.describe(errno))")
            }
            slavePath = try Self.path(ofSlave: slaveDescriptor, device: name)
            _ = try TerminalMode.applyRaw(slaveDescriptor, baudRate: nil, device: name)
            _ = try TerminalMode.applyRaw(masterDescriptor, baudRate: nil, device: name)
            if let linkPath {
                try SymbolicLink.replace(at: linkPath, pointingTo: slavePath, device: name)
            }
        } catch {
            SystemCalls.close(slaveDescriptor)
            SystemCalls.close(masterDescriptor)
            throw error
        }
        self.slavePath = slavePath
        self.linkPath = linkPath
        let heldSlave = slaveDescriptor
        master = try FileDescriptorStream(adopting: masterDescriptor, name: name, willClose: { _ in
            SystemCalls.close(heldSlave)
            if let linkPath {
                SymbolicLink.remove(at: linkPath, ifPointingTo: slavePath)
            }
        })
    }

    /// Unplugs the port: closes the master and the held slave, removes the symlink (idempotent).
    public func close() async {
        await master.close()
    }

    /// The slave's device path from `ttyname_r`.
    private static func path(ofSlave descriptor: Int32, device: String) throws(HALError) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let status = ttyname_r(descriptor, &buffer, buffer.count)
        guard status == 0 else {
            throw HALError(.unsupported, device: device, detail: "ttyname_r failed: \(SystemCalls.describe(status))")
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
