/// The `devices` section: the receipt printer and the code scanner kioskd drives besides the
/// lock buses. Both are optional; a kiosk without one simply has no such device.
///
/// ```json
/// "devices": {
///   "printer": { "id": "printer0", "transport": "usb", "vendorId": "0416", "productId": "5011",
///                "paperWidthDots": 576 },
///   "scanner": { "id": "scanner0", "mode": "serial", "device": "/dev/kiosk/scanner0", "suffix": "cr" }
/// }
/// ```
public struct DeviceConfiguration: Sendable, Equatable {
    /// The ESC/POS receipt printer.
    public struct Printer: Sendable, Equatable {
        /// How the printer is reached.
        public enum Transport: Sendable, Equatable {
            /// A network printer: TCP `host`:`port` (9100 on most models).
            case tcp(host: String, port: Int)
            /// A serial printer (RS-232 or USB-serial) at `device`, at `baud` bits per second.
            case serial(device: String, baud: Int)
            /// A USB printer-class node bound to `usblp`, e.g. `/dev/usb/lp0` or `/dev/kiosk/printer0`.
            case lineDevice(device: String)
            /// A USB printer-class device opened over libusb: `vvvv:pppp` ids (hex) and, when two
            /// identical printers may be attached, the port path (`1-1.4`).
            case usb(vendorID: String, productID: String, portPath: String?)
        }

        /// Device id for logs, health and the journal, e.g. `printer0`.
        public var id: String
        /// Where the printer is.
        public var transport: Transport
        /// Printable width in dots: 384 (58 mm) or 576 (80 mm).
        public var paperWidthDots: Int
        /// Bound for the four status replies, 100–60 000 ms (default 1 000).
        public var statusTimeoutMilliseconds: Int
        /// Idle status reading interval, 200–60 000 ms (default 2 000).
        public var statusPollIntervalMilliseconds: Int
        /// Bound for the printer to take one chunk of a job, 1 000–120 000 ms (default 10 000).
        public var writeTimeoutMilliseconds: Int
        /// Bound for a TCP connection to be made, 100–60 000 ms (default 5 000); TCP only.
        public var connectTimeoutMilliseconds: Int
    }

    /// The QR and barcode scanner.
    public struct Scanner: Sendable, Equatable {
        /// The scanner's wiring.
        public enum Mode: Sendable, Equatable {
            /// A USB CDC-ACM or USB-serial scanner sending one line per code.
            case serial(device: String, baud: Int, suffix: LineSuffix, aimPrefix: Bool)
            /// A HID scanner typing as a keyboard, read from an evdev node with the exclusive grab.
            case evdev(device: String)
        }

        /// What ends a serial line.
        public enum LineSuffix: String, Sendable, Equatable, CaseIterable {
            /// CR (0x0D).
            case cr
            /// CR LF (0x0D 0x0A).
            case crlf
            /// LF (0x0A).
            case lf
        }

        /// Device id for logs, health and the journal, e.g. `scanner0`.
        public var id: String
        /// Wiring and its settings.
        public var mode: Mode
        /// Window in which an identical payload is dropped, 100–60 000 ms (default 1 500).
        public var debounceMilliseconds: Int
    }

    /// The receipt printer; `nil` when none is configured.
    public var printer: Printer?
    /// The code scanner; `nil` when none is configured.
    public var scanner: Scanner?
}
