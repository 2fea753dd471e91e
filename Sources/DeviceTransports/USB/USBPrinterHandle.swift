/// The few blocking calls a printer stream makes on an opened, claimed USB interface: the thin
/// seam between the transfer policies and libusb. Every method blocks for at most its timeout
/// and is called only from the stream's dispatch queues, never from a Swift concurrency thread.
public protocol USBPrinterHandle: Sendable {
    /// `libusb_bulk_transfer` OUT of `bytes`; returns the status and `actual_length`.
    func bulkWrite(endpoint: UInt8, bytes: ArraySlice<UInt8>, timeoutMilliseconds: UInt32) -> USBTransferOutcome
    /// `libusb_bulk_transfer` IN of up to `length` bytes; returns the status and the bytes received.
    func bulkRead(endpoint: UInt8, length: Int, timeoutMilliseconds: UInt32) -> (outcome: USBTransferOutcome, data: [UInt8])
    /// `libusb_clear_halt` on `endpoint`; returns the libusb status.
    func clearHalt(endpoint: UInt8) -> Int32
    /// `libusb_control_transfer` with an IN data stage; returns the status (byte count when
    /// non-negative) and the data received.
    func controlIn(_ setup: USBControlSetup, timeoutMilliseconds: UInt32) -> (code: Int32, data: [UInt8])
    /// Releases the interface, gives it back to the kernel driver if one was detached, closes.
    func close()
}
