import DeviceTransports
import KioskHAL
import Logging

/// Opens the byte stream of a configured printer or scanner, once per call (the drivers call
/// their opener again after every loss).
typealias StreamOpener = @Sendable () async throws -> any ByteStream

extension DeviceConfiguration.Printer {
    /// Where the printer is, for log lines: `tcp 10.0.0.5:9100`, `usb 0416:5011@1-1.4`.
    var transportSummary: String {
        switch transport {
        case .tcp(let host, let port): "tcp \(host):\(port)"
        case .serial(let device, let baud): "serial \(device) \(baud) bit/s"
        case .lineDevice(let device): "lp \(device)"
        case .usb(let vendor, let product, let portPath): "usb \(vendor):\(product)" + (portPath.map { "@\($0)" } ?? "")
        }
    }

    /// The opener of this printer's stream. A USB printer gets one libusb context for the
    /// service's lifetime; what opening it did (detaching `usblp`) is logged.
    /// - Throws: `USBContextError` when libusb cannot start; `HALError` when the USB ids are unusable.
    func makeOpener(logger: Logger) throws -> StreamOpener {
        let name = id
        switch transport {
        case .tcp(let host, let port):
            let timeout = Duration.milliseconds(connectTimeoutMilliseconds)
            return { try await TCPByteStream.connect(host: host, port: UInt16(port), timeout: timeout, name: name) }
        case .serial(let device, let baud):
            return { try SerialPort(path: device, bitsPerSecond: baud, name: name) }
        case .lineDevice(let device):
            return { try LinePrinterDevice(path: device, name: name) }
        case .usb(let vendor, let product, let portPath):
            let match = try USBDeviceMatch(parsing: "\(vendor):\(product)" + (portPath.map { "@\($0)" } ?? ""))
            let context = try USBContext()
            return {
                let stream = try await USBPrinterStream.connect(context: context, match: match, name: name)
                for note in stream.openingNotes { logger.info("printer opened over USB", metadata: ["usb.note": "\(note)"]) }
                return stream
            }
        }
    }
}

extension DeviceConfiguration.Scanner {
    /// Where the scanner is, for log lines: `serial /dev/kiosk/scanner0`, `evdev /dev/input/…`.
    var modeSummary: String {
        switch mode {
        case .serial(let device, _, _, _): "serial \(device)"
        case .evdev(let device): "evdev \(device)"
        }
    }

    /// The opener of this scanner's stream: the serial port, or the evdev node with the grab.
    func makeOpener() -> StreamOpener {
        let name = id
        switch mode {
        case .serial(let device, let baud, _, _):
            return { try SerialPort(path: device, bitsPerSecond: baud, name: name) }
        case .evdev(let device):
            return { try EvdevDevice(path: device, name: name) }
        }
    }
}
