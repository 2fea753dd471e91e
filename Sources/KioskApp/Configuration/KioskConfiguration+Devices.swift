import DeviceTransports

extension DeviceConfiguration {
    /// Printer keys that only some transports use, and which.
    static let printerTransportKeys: [(key: String, transports: [String])] = [
        ("host", ["tcp"]), ("port", ["tcp"]), ("connectTimeoutMs", ["tcp"]),
        ("device", ["serial", "lp"]), ("baud", ["serial"]),
        ("vendorId", ["usb"]), ("productId", ["usb"]), ("portPath", ["usb"]),
    ]
    /// Scanner keys that only some modes use, and which.
    static let scannerModeKeys: [(key: String, transports: [String])] = [
        ("baud", ["serial"]), ("suffix", ["serial"]), ("aimPrefix", ["serial"]),
    ]

    /// Reads and validates the `devices` section.
    /// - Throws: `ConfigurationError` naming the first offending key, e.g. `devices.printer.port`.
    static func read(_ section: ConfigurationReader) throws(ConfigurationError) -> DeviceConfiguration {
        let printer = section.has("printer") ? try readPrinter(section.section("printer")) : nil
        var scanner: Scanner?
        if section.has("scanner") {
            let scannerSection = try section.section("scanner")
            scanner = try readScanner(scannerSection)
            if let printer, printer.id == scanner?.id {
                throw .invalid(key: scannerSection.path(of: "id"), reason: "repeats the printer's id '\(printer.id)'")
            }
        }
        try section.refuseUnknownKeys()
        return DeviceConfiguration(printer: printer, scanner: scanner)
    }

    /// Reads `devices.printer`.
    static func readPrinter(_ reader: ConfigurationReader) throws(ConfigurationError) -> Printer {
        let id = try reader.string("id", pattern: .identifier, length: 1...32)
        let kind = try reader.string("transport", oneOf: ["tcp", "serial", "lp", "usb"])
        try refuseKeys(printerTransportKeys, notUsedBy: kind, in: reader, what: "transport")
        let transport: Printer.Transport
        switch kind {
        case "tcp":
            transport = .tcp(host: try reader.string("host", length: 1...255),
                             port: try reader.integer("port", default: 9100, in: 1...65535))
        case "serial":
            transport = .serial(device: try reader.string("device", length: 1...4096),
                                baud: try reader.integer("baud", default: 9600, in: 1200...115_200))
        case "lp":
            transport = .lineDevice(device: try reader.string("device", length: 1...4096))
        default:
            transport = try readUSB(reader)
        }
        let width = try reader.integer("paperWidthDots", default: 576, in: 8...4096)
        guard [384, 576].contains(width) else {
            throw .invalid(key: reader.path(of: "paperWidthDots"), reason: "must be 384 (58 mm) or 576 (80 mm) (got \(width))")
        }
        let printer = Printer(
            id: id, transport: transport, paperWidthDots: width,
            statusTimeoutMilliseconds: try reader.integer("statusTimeoutMs", default: 1_000, in: 100...60_000),
            statusPollIntervalMilliseconds: try reader.integer("statusPollIntervalMs", default: 2_000, in: 200...60_000),
            writeTimeoutMilliseconds: try reader.integer("writeTimeoutMs", default: 10_000, in: 1_000...120_000),
            connectTimeoutMilliseconds: kind == "tcp"
                ? try reader.integer("connectTimeoutMs", default: 5_000, in: 100...60_000) : 5_000)
        try reader.refuseUnknownKeys()
        return printer
    }

    /// Reads the USB ids and port path of `devices.printer`.
    static func readUSB(_ reader: ConfigurationReader) throws(ConfigurationError) -> Printer.Transport {
        func hexID(_ key: String) throws(ConfigurationError) -> String {
            let text = try reader.string(key, length: 1...16).lowercased()
            guard text.count == 4, text.allSatisfy(\.isHexDigit) else {
                throw .invalid(key: reader.path(of: key), reason: "must be 4 hexadecimal digits as lsusb shows them, e.g. 0416")
            }
            return text
        }
        let vendor = try hexID("vendorId")
        let product = try hexID("productId")
        let portPath = reader.has("portPath") ? try reader.string("portPath", length: 1...64) : nil
        if let portPath {
            do {
                _ = try USBDeviceMatch(parsing: "\(vendor):\(product)@\(portPath)")
            } catch {
                throw .invalid(key: reader.path(of: "portPath"),
                               reason: "must be bus-port[.port…] with numbers from 1, e.g. 1-1.4")
            }
        }
        return .usb(vendorID: vendor, productID: product, portPath: portPath)
    }

    /// Reads `devices.scanner`.
    static func readScanner(_ reader: ConfigurationReader) throws(ConfigurationError) -> Scanner {
        let id = try reader.string("id", pattern: .identifier, length: 1...32)
        let kind = try reader.string("mode", oneOf: ["serial", "evdev"])
        try refuseKeys(scannerModeKeys, notUsedBy: kind, in: reader, what: "mode")
        let device = try reader.string("device", length: 1...4096)
        let mode: Scanner.Mode
        if kind == "serial" {
            let suffix = try reader.string("suffix", default: "cr", oneOf: Scanner.LineSuffix.allCases.map(\.rawValue))
            mode = .serial(
                device: device, baud: try reader.integer("baud", default: 9600, in: 1200...115_200),
                suffix: Scanner.LineSuffix(rawValue: suffix) ?? .cr,
                aimPrefix: try reader.boolean("aimPrefix", default: false))
        } else {
            mode = .evdev(device: device)
        }
        let scanner = Scanner(
            id: id, mode: mode, debounceMilliseconds: try reader.integer("debounceMs", default: 1_500, in: 100...60_000))
        try reader.refuseUnknownKeys()
        return scanner
    }

    /// Refuses a key that belongs to another transport or mode than `chosen`, naming the ones it
    /// belongs to (a `host` on a USB printer is a mistake, not an unknown key).
    private static func refuseKeys(
        _ keys: [(key: String, transports: [String])], notUsedBy chosen: String, in reader: ConfigurationReader,
        what: String
    ) throws(ConfigurationError) {
        for (key, owners) in keys where !owners.contains(chosen) && reader.has(key) {
            throw .invalid(key: reader.path(of: key),
                           reason: "applies only to \(what) \(owners.joined(separator: " or ")), not \(chosen)")
        }
    }
}
