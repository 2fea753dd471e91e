import CLibUSB
import Foundation
import Synchronization

/// libusb hotplug callbacks delivered as an `AsyncStream`, with the event-handling thread they
/// need. The callback only reads cached device fields (ids, bus, port path, address) and
/// yields; it never does I/O. Callbacks can be duplicated (`LIBUSB_HOTPLUG_ENUMERATE`) or
/// missing (no udev/netlink in a container, `RestrictAddressFamilies` without `AF_NETLINK`),
/// so treat each change as a hint to rescan, not as the truth.
public final class USBHotplugListener: Sendable {
    /// One callback.
    public enum Change: Hashable, Sendable {
        /// `LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED`.
        case arrived(USBDeviceSummary)
        /// `LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT`.
        case left(USBDeviceSummary)
    }

    /// The callbacks, in order; finishes on `stop()`.
    public let changes: AsyncStream<Change>

    private let context: USBContext
    private let sink: Sink
    private let callbackHandle: libusb_hotplug_callback_handle
    private let stopping = Atomic<Bool>(false)

    /// Holds the stream's continuation for the C callback (passed as `user_data`).
    private final class Sink: Sendable {
        let continuation: AsyncStream<Change>.Continuation
        init(_ continuation: AsyncStream<Change>.Continuation) { self.continuation = continuation }
    }

    private init(context: USBContext, sink: Sink, changes: AsyncStream<Change>, handle: libusb_hotplug_callback_handle) {
        self.context = context
        self.sink = sink
        self.changes = changes
        callbackHandle = handle
    }

    /// Whether libusb on this machine can deliver hotplug events at all.
    public static var isSupported: Bool {
        libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0
    }

    /// Registers a callback for every device (with `LIBUSB_HOTPLUG_ENUMERATE`) and starts the
    /// event thread; `nil` when the context has no USB, libusb lacks hotplug, or registration
    /// fails (`registrationProblem` then says why). Call `stop()` when done.
    public static func start(context: USBContext) -> USBHotplugListener? {
        guard let raw = context.context, isSupported else { return nil }
        let (changes, continuation) = AsyncStream.makeStream(of: Change.self, bufferingPolicy: .bufferingNewest(256))
        let sink = Sink(continuation)
        let callback: libusb_hotplug_callback_fn = { _, device, event, userData in
            guard let device, let userData else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userData).takeUnretainedValue()
            guard let summary = USBContext.summary(of: device) else { return 0 }
            let arrived = event.rawValue == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue
            sink.continuation.yield(arrived ? .arrived(summary) : .left(summary))
            return 0
        }
        var handle: libusb_hotplug_callback_handle = 0
        let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
        let code = libusb_hotplug_register_callback(
            raw, events, Int32(LIBUSB_HOTPLUG_ENUMERATE.rawValue), -1, -1, -1,
            callback, Unmanaged.passUnretained(sink).toOpaque(), &handle)
        guard code == 0 else {
            continuation.finish()
            return nil
        }
        let listener = USBHotplugListener(context: context, sink: sink, changes: changes, handle: handle)
        let thread = Thread { listener.handleEvents() }
        thread.name = "usb-hotplug"
        thread.start()
        return listener
    }

    /// The event loop: libusb delivers callbacks only while a thread handles events. Runs on
    /// its own thread, in slices of 250 ms, until `stop()`; keeps the listener alive meanwhile.
    private func handleEvents() {
        guard let raw = context.context else { return }
        while !stopping.load(ordering: .acquiring) {
            var slice = timeval(tv_sec: 0, tv_usec: 250_000)
            _ = libusb_handle_events_timeout_completed(raw, &slice, nil)
        }
        libusb_hotplug_deregister_callback(raw, callbackHandle)
        sink.continuation.finish()
    }

    /// Stops the event thread (it deregisters the callback and finishes `changes` on its way
    /// out, within one slice). Idempotent, non-blocking.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing), let raw = context.context else { return }
        libusb_interrupt_event_handler(raw)
    }
}
