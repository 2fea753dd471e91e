import KioskHAL
import Testing


/// Hang guard for operations that should complete promptly; never asserted on.
/// A bound that only stops a hung test; generous because a loaded CI machine may starve tasks for seconds.
let hangGuard: Duration = .seconds(60)

/// Every byte value once, 0x00…0xFF.
let allByteValues: [UInt8] = (0 ... 255).map { UInt8($0) }

/// Reads until exactly `count` bytes arrived (each read bounded by the hang guard).
func readExactly(_ stream: any ByteStream, count: Int, chunk: Int = 4096) async throws -> [UInt8] {
    var received: [UInt8] = []
    received.reserveCapacity(count)
    while received.count < count {
        received += try await stream.read(maxCount: min(chunk, count - received.count), timeout: hangGuard)
    }
    return received
}

/// The `HALError.Kind` an operation threw, or `nil` when it did not throw a `HALError`.
func halErrorKind(_ operation: () async throws -> Void) async -> HALError.Kind? {
    do {
        try await operation()
        return nil
    } catch let error as HALError {
        return error.kind
    } catch {
        return nil
    }
}
