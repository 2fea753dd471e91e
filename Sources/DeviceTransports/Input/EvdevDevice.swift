#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A Linux input device (`/dev/input/eventN`, or a `/dev/input/by-id/…-event-kbd` link) opened
/// read-only and non-blocking as a `ByteStream` of raw 24-byte `input_event` records, for a
/// keyboard-wedge scanner.
///
/// By default the device is grabbed exclusively (`EVIOCGRAB`), so the keys the scanner types
/// reach only this stream and never a focused text field of the kiosk screen; the grab is
/// released when the stream closes. Reads return whole records only: `read(maxCount:)` rounds
/// `maxCount` down to a multiple of 24 and refuses less than one record. Writes are refused
/// (`.unsupported`): the device is opened read-only. Unplugging the scanner makes reads fail
/// with `.disconnected` (`ENODEV`); reopen the path when it reappears.
public final class EvdevDevice: ByteStream {
    /// Size of one `input_event` record on LP64 Linux.
    public static let recordSize = 24

    /// The path that was opened (a by-id link stays as given).
    public let path: String
    /// The device's own name from `EVIOCGNAME` (e.g. `Honeywell Imaging 1470g`), when it has one.
    public let deviceName: String?
    /// Whether this stream holds the exclusive grab.
    public let isGrabbed: Bool

    let stream: FileDescriptorStream

    /// Opens `path` read-only and non-blocking, checks it is an evdev node, reads its name and,
    /// when `exclusive` (the default), takes the exclusive grab. `name` (default: the path)
    /// names it in errors.
    /// - Throws: `HALError` naming the path: `.disconnected` "no such input device" when it does
    ///   not exist; `.unsupported` "permission denied" (the kiosk user needs the `input` group or
    ///   a udev rule) or "not an evdev input node" (`ENOTTY`/`EINVAL` from the evdev ioctls);
    ///   `.busy` when another process holds the grab (`EBUSY`).
    public init(path: String, name: String? = nil, exclusive: Bool = true) throws(HALError) {
        let device = name ?? path
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            throw EvdevFailure.open(errno, device: device, path: path)
        }
        var deviceName: String?
        do throws(HALError) {
            var version: Int32 = 0
            guard ioctl(descriptor, EvdevRequest.getVersion, &version) == 0 else {
                throw EvdevFailure.ioctl(errno, device: device, path: path, request: "EVIOCGVERSION")
            }
            deviceName = Self.readName(descriptor)
            if exclusive, ioctl(descriptor, EvdevRequest.grab, Int32(1)) != 0 {
                throw EvdevFailure.ioctl(errno, device: device, path: path, request: "EVIOCGRAB")
            }
        } catch {
            SystemCalls.close(descriptor)
            throw error
        }
        self.path = path
        self.deviceName = deviceName
        self.isGrabbed = exclusive
        stream = try FileDescriptorStream(adopting: descriptor, name: device, willClose: { descriptor in
            if exclusive { _ = ioctl(descriptor, EvdevRequest.grab, Int32(0)) }
        })
    }

    /// The name used in errors: the configured device id, or the path.
    public var name: String { stream.name }

    /// Refused: the device is opened read-only.
    /// - Throws: `HALError.unsupported` always.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        throw HALError(.unsupported, device: name, detail: "an input device is read-only here: \(path)")
    }

    /// Returns whole records, at most `maxCount` bytes rounded down to a multiple of 24,
    /// waiting up to `timeout` for the first.
    /// - Throws: `.unsupported` for `maxCount` below 24; `.timedOut`; `.disconnected` when the
    ///   device is gone (`ENODEV`) or closed; `CancellationError`.
    public func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        let whole = maxCount - maxCount % Self.recordSize
        guard whole >= Self.recordSize else {
            throw HALError(.unsupported, device: name, detail: "an evdev read needs room for one 24-byte record, got \(maxCount)")
        }
        return try await stream.read(maxCount: whole, timeout: timeout)
    }

    /// Drops records queued and not yet read. - Throws: `.disconnected` when closed.
    public func discardInput() async throws {
        try await stream.discardInput()
    }

    /// Releases the grab and closes the device (idempotent).
    public func close() async {
        await stream.close()
    }

    /// `EVIOCGNAME` into a 256-byte buffer; `nil` when the device has no name.
    private static func readName(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -1 }
            return ioctl(descriptor, EvdevRequest.getName(length: raw.count), base)
        }
        guard count > 0 else { return nil }
        let text = buffer.prefix { $0 != 0 }
        return text.isEmpty ? nil : String(decoding: text, as: UTF8.self)
    }
}
