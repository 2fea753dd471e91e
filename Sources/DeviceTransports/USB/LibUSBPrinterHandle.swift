import CLibUSB

/// The production `USBPrinterHandle`: an opened libusb device handle with one claimed
/// interface. Each method is one libusb call; all decisions live in the transfer policies.
final class LibUSBPrinterHandle: USBPrinterHandle, @unchecked Sendable {
    // Immutable after init; libusb allows calls on one handle from several threads.
    private let handle: OpaquePointer
    private let context: USBContext
    private let interface: Int32
    private let reattachKernelDriver: Bool

    /// Takes ownership of an opened `handle` whose `interface` is claimed; keeps `context`
    /// alive as long as the handle.
    init(handle: OpaquePointer, context: USBContext, interface: UInt8, reattachKernelDriver: Bool) {
        self.handle = handle
        self.context = context
        self.interface = Int32(interface)
        self.reattachKernelDriver = reattachKernelDriver
    }

    func bulkWrite(endpoint: UInt8, bytes: ArraySlice<UInt8>, timeoutMilliseconds: UInt32) -> USBTransferOutcome {
        var copy = Array(bytes)
        var transferred: Int32 = 0
        let code = copy.withUnsafeMutableBufferPointer { buffer in
            libusb_bulk_transfer(handle, endpoint, buffer.baseAddress, Int32(buffer.count), &transferred, timeoutMilliseconds)
        }
        return USBTransferOutcome(code: code, transferred: Int(transferred))
    }

    func bulkRead(endpoint: UInt8, length: Int, timeoutMilliseconds: UInt32) -> (outcome: USBTransferOutcome, data: [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: length)
        var transferred: Int32 = 0
        let code = buffer.withUnsafeMutableBufferPointer { pointer in
            libusb_bulk_transfer(handle, endpoint, pointer.baseAddress, Int32(pointer.count), &transferred, timeoutMilliseconds)
        }
        let count = max(0, min(Int(transferred), length))
        return (USBTransferOutcome(code: code, transferred: count), Array(buffer.prefix(count)))
    }

    func clearHalt(endpoint: UInt8) -> Int32 {
        libusb_clear_halt(handle, endpoint)
    }

    func controlIn(_ setup: USBControlSetup, timeoutMilliseconds: UInt32) -> (code: Int32, data: [UInt8]) {
        Self.controlIn(handle, setup, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// `libusb_control_transfer` with an IN data stage on any open handle.
    static func controlIn(_ handle: OpaquePointer, _ setup: USBControlSetup, timeoutMilliseconds: UInt32) -> (code: Int32, data: [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: Int(setup.length))
        let code = buffer.withUnsafeMutableBufferPointer { pointer in
            libusb_control_transfer(
                handle, setup.requestType, setup.request, setup.value, setup.index,
                pointer.baseAddress, setup.length, timeoutMilliseconds)
        }
        return (code, code >= 0 ? Array(buffer.prefix(Int(code))) : [])
    }

    func close() {
        _ = libusb_release_interface(handle, interface)
        if reattachKernelDriver {
            _ = libusb_attach_kernel_driver(handle, interface)
        }
        libusb_close(handle)
    }
}
