import Foundation
import Testing
@testable import KioskApp

@Suite struct DeviceConfigurationTests {
    static let base = #"""
        "kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
        "stateDirectory": "/var/lib/dossier-kiosk"
        """#

    /// A configuration whose `devices` section is `devices` (JSON text).
    private func parse(devices: String) throws(ConfigurationError) -> KioskConfiguration {
        try KioskConfiguration.parse(Data("{\(Self.base), \"devices\": \(devices)}".utf8))
    }

    /// A configuration with one printer whose keys besides `id` are `keys` (JSON members).
    private func parse(printer keys: String) throws(ConfigurationError) -> KioskConfiguration {
        try parse(devices: #"{"printer": {"id": "printer0", \#(keys)}}"#)
    }

    /// A configuration with one scanner whose keys besides `id` are `keys` (JSON members).
    private func parse(scanner keys: String) throws(ConfigurationError) -> KioskConfiguration {
        try parse(devices: #"{"scanner": {"id": "scanner0", \#(keys)}}"#)
    }

    @Test func withoutDevicesSection_noDeviceIsConfigured() throws {
        // Given a configuration with no devices section
        let config = try KioskConfiguration.parse(Data("{\(Self.base)}".utf8))
        // Then neither a printer nor a scanner is driven
        #expect(config.devices == nil)
    }

    @Test func everyPrinterTransport_isReadWithItsDefaults() throws {
        let tcp = try parse(printer: #""transport": "tcp", "host": "10.0.0.5""#).devices?.printer
        #expect(tcp == .init(
            id: "printer0", transport: .tcp(host: "10.0.0.5", port: 9100), paperWidthDots: 576,
            statusTimeoutMilliseconds: 1_000, statusPollIntervalMilliseconds: 2_000, writeTimeoutMilliseconds: 10_000,
            connectTimeoutMilliseconds: 5_000))
        let serial = try parse(printer: #""transport": "serial", "device": "/dev/ttyUSB1", "baud": 115200"#).devices?.printer
        #expect(serial?.transport == .serial(device: "/dev/ttyUSB1", baud: 115_200))
        let lp = try parse(printer: #""transport": "lp", "device": "/dev/usb/lp0", "paperWidthDots": 384"#).devices?.printer
        #expect(lp?.transport == .lineDevice(device: "/dev/usb/lp0"))
        #expect(lp?.paperWidthDots == 384)
        let usb = try parse(printer: #"""
            "transport": "usb", "vendorId": "0416", "productId": "5011", "portPath": "1-1.4",
            "statusTimeoutMs": 1500, "statusPollIntervalMs": 500, "writeTimeoutMs": 20000
            """#).devices?.printer
        #expect(usb?.transport == .usb(vendorID: "0416", productID: "5011", portPath: "1-1.4"))
        #expect(usb?.statusTimeoutMilliseconds == 1_500)
        #expect(usb?.statusPollIntervalMilliseconds == 500)
        #expect(usb?.writeTimeoutMilliseconds == 20_000)
        #expect(usb?.transportSummary == "usb 0416:5011@1-1.4")
    }

    @Test func bothScannerModes_areReadWithTheirDefaults() throws {
        let serial = try parse(devices: #"""
            {"printer": {"id": "printer0", "transport": "lp", "device": "/dev/usb/lp0"},
             "scanner": {"id": "scanner0", "mode": "serial", "device": "/dev/kiosk/scanner0"}}
            """#).devices
        #expect(serial?.printer != nil)
        #expect(serial?.scanner == .init(
            id: "scanner0", mode: .serial(device: "/dev/kiosk/scanner0", baud: 9600, suffix: .cr, aimPrefix: false),
            debounceMilliseconds: 1_500))
        let crlf = try parse(scanner: #""mode": "serial", "device": "/dev/ttyACM0", "suffix": "crlf", "aimPrefix": true, "debounceMs": 800"#)
        #expect(crlf.devices?.scanner?.mode == .serial(device: "/dev/ttyACM0", baud: 9600, suffix: .crlf, aimPrefix: true))
        #expect(crlf.devices?.scanner?.debounceMilliseconds == 800)
        let evdev = try parse(scanner: #""mode": "evdev", "device": "/dev/input/by-id/usb-scanner-event-kbd""#)
        #expect(evdev.devices?.scanner?.mode == .evdev(device: "/dev/input/by-id/usb-scanner-event-kbd"))
    }

    @Test(arguments: [
        (#""transport": "tcp""#, ConfigurationError.missing(key: "devices.printer.host")),
        (#""transport": "parallel""#,
         .invalid(key: "devices.printer.transport", reason: "must be one of tcp, serial, lp, usb")),
        (#""host": "10.0.0.5""#, .missing(key: "devices.printer.transport")),
        (#""transport": "tcp", "host": "10.0.0.5", "port": 0"#,
         .invalid(key: "devices.printer.port", reason: "must be between 1 and 65535 (got 0)")),
        (#""transport": "tcp", "host": "10.0.0.5", "connectTimeoutMs": 50"#,
         .invalid(key: "devices.printer.connectTimeoutMs", reason: "must be between 100 and 60000 (got 50)")),
        (#""transport": "usb", "vendorId": "0416", "productId": "5011", "host": "10.0.0.5""#,
         .invalid(key: "devices.printer.host", reason: "applies only to transport tcp, not usb")),
        (#""transport": "tcp", "host": "10.0.0.5", "device": "/dev/usb/lp0""#,
         .invalid(key: "devices.printer.device", reason: "applies only to transport serial or lp, not tcp")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "baud": 9600"#,
         .invalid(key: "devices.printer.baud", reason: "applies only to transport serial, not lp")),
        (#""transport": "serial""#, .missing(key: "devices.printer.device")),
        (#""transport": "serial", "device": "/dev/ttyUSB0", "baud": 300"#,
         .invalid(key: "devices.printer.baud", reason: "must be between 1200 and 115200 (got 300)")),
        (#""transport": "usb", "productId": "5011""#, .missing(key: "devices.printer.vendorId")),
        (#""transport": "usb", "vendorId": "0416""#, .missing(key: "devices.printer.productId")),
        (#""transport": "usb", "vendorId": "416", "productId": "5011""#,
         .invalid(key: "devices.printer.vendorId", reason: "must be 4 hexadecimal digits as lsusb shows them, e.g. 0416")),
        (#""transport": "usb", "vendorId": "0416", "productId": "50g1""#,
         .invalid(key: "devices.printer.productId", reason: "must be 4 hexadecimal digits as lsusb shows them, e.g. 0416")),
        (#""transport": "usb", "vendorId": "0416", "productId": "5011", "portPath": "1.4""#,
         .invalid(key: "devices.printer.portPath", reason: "must be bus-port[.port…] with numbers from 1, e.g. 1-1.4")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "paperWidthDots": 512"#,
         .invalid(key: "devices.printer.paperWidthDots", reason: "must be 384 (58 mm) or 576 (80 mm) (got 512)")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "paperWidthDots": "576""#,
         .invalid(key: "devices.printer.paperWidthDots", reason: "must be a whole number")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "statusTimeoutMs": 10"#,
         .invalid(key: "devices.printer.statusTimeoutMs", reason: "must be between 100 and 60000 (got 10)")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "statusPollIntervalMs": 100000"#,
         .invalid(key: "devices.printer.statusPollIntervalMs", reason: "must be between 200 and 60000 (got 100000)")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "writeTimeoutMs": 500"#,
         .invalid(key: "devices.printer.writeTimeoutMs", reason: "must be between 1000 and 120000 (got 500)")),
        (#""transport": "lp", "device": "/dev/usb/lp0", "papreWidth": 576"#, .unknown(key: "devices.printer.papreWidth")),
    ])
    func badPrinterKey_isRefusedNamingTheKey(keys: String, expected: ConfigurationError) {
        #expect(throws: expected) { try parse(printer: keys) }
    }

    @Test(arguments: [
        (#""device": "/dev/ttyACM0""#, ConfigurationError.missing(key: "devices.scanner.mode")),
        (#""mode": "hid", "device": "/dev/hidraw0""#,
         .invalid(key: "devices.scanner.mode", reason: "must be one of serial, evdev")),
        (#""mode": "serial""#, .missing(key: "devices.scanner.device")),
        (#""mode": "serial", "device": "/dev/ttyACM0", "suffix": "tab""#,
         .invalid(key: "devices.scanner.suffix", reason: "must be one of cr, crlf, lf")),
        (#""mode": "serial", "device": "/dev/ttyACM0", "aimPrefix": "on""#,
         .invalid(key: "devices.scanner.aimPrefix", reason: "must be true or false")),
        (#""mode": "serial", "device": "/dev/ttyACM0", "baud": 9601000"#,
         .invalid(key: "devices.scanner.baud", reason: "must be between 1200 and 115200 (got 9601000)")),
        (#""mode": "evdev", "device": "/dev/input/event3", "suffix": "cr""#,
         .invalid(key: "devices.scanner.suffix", reason: "applies only to mode serial, not evdev")),
        (#""mode": "evdev", "device": "/dev/input/event3", "aimPrefix": true"#,
         .invalid(key: "devices.scanner.aimPrefix", reason: "applies only to mode serial, not evdev")),
        (#""mode": "serial", "device": "/dev/ttyACM0", "debounceMs": 0"#,
         .invalid(key: "devices.scanner.debounceMs", reason: "must be between 100 and 60000 (got 0)")),
        (#""mode": "serial", "device": "/dev/ttyACM0", "prefix": "]Q1""#, .unknown(key: "devices.scanner.prefix")),
    ])
    func badScannerKey_isRefusedNamingTheKey(keys: String, expected: ConfigurationError) {
        #expect(throws: expected) { try parse(scanner: keys) }
    }

    @Test(arguments: [
        (#"[]"#, ConfigurationError.invalid(key: "devices", reason: "must be an object")),
        (#"{"printer": "usb"}"#, .invalid(key: "devices.printer", reason: "must be an object")),
        (#"{"camera": {}}"#, .unknown(key: "devices.camera")),
        (#"{"printer": {"transport": "lp", "device": "/dev/usb/lp0"}}"#, .missing(key: "devices.printer.id")),
        (#"{"scanner": {"id": "scanner 0", "mode": "evdev", "device": "/dev/input/event3"}}"#,
         .invalid(key: "devices.scanner.id", reason: "may contain only letters, digits, '_' and '-'")),
        (#"{"printer": {"id": "dev0", "transport": "lp", "device": "/dev/usb/lp0"}, "scanner": {"id": "dev0", "mode": "evdev", "device": "/dev/input/event3"}}"#,
         .invalid(key: "devices.scanner.id", reason: "repeats the printer's id 'dev0'")),
    ])
    func badDevicesSection_isRefusedNamingTheKey(devices: String, expected: ConfigurationError) {
        #expect(throws: expected) { try parse(devices: devices) }
    }

    @Test func exampleConfiguration_drivesAUSBPrinterAndTheSerialScannerTheUdevRuleNames() throws {
        // Given the example configuration shipped in systemd/
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try KioskConfiguration.load(path: root.appendingPathComponent("systemd/kioskd.example.json").path)
        // Then its printer is on USB and its scanner on the stable udev link
        guard case .usb = config.devices?.printer?.transport else {
            Issue.record("the example printer is not on USB: \(String(describing: config.devices?.printer))")
            return
        }
        #expect(config.devices?.scanner?.mode == .serial(device: "/dev/kiosk/scanner0", baud: 9600, suffix: .cr, aimPrefix: false))
        let rules = try String(contentsOf: root.appendingPathComponent("systemd/70-kiosk-usb.rules"), encoding: .utf8)
        #expect(rules.contains(#"SYMLINK+="kiosk/scanner0""#))
    }
}
