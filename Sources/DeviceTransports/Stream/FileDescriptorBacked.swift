import KioskHAL

/// A device stream whose I/O is entirely its `FileDescriptorStream`'s (serial ports, TCP
/// connections): it inherits `ByteStream`'s operations from here and adds only how it opens.
protocol FileDescriptorBacked: ByteStream {
    /// The descriptor stream doing the I/O.
    var stream: FileDescriptorStream { get }
}

extension FileDescriptorBacked {
    /// The stream's name for logs and errors.
    public var name: String { stream.name }

    /// Writes every byte within `timeout`. - Throws: `.timedOut`, `.disconnected`, `CancellationError`.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        try await stream.write(bytes, timeout: timeout)
    }

    /// Returns 1…`maxCount` bytes, waiting up to `timeout` for the first.
    /// - Throws: `.timedOut`, `.disconnected` once the peer is gone and all was read, `CancellationError`.
    public func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        try await stream.read(maxCount: maxCount, timeout: timeout)
    }

    /// Drops received bytes not yet read (stale replies). - Throws: `.disconnected` when closed.
    public func discardInput() async throws {
        try await stream.discardInput()
    }

    /// Closes the device (idempotent).
    public func close() async {
        await stream.close()
    }
}
