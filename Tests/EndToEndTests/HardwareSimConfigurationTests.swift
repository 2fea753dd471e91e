import Foundation
import HardwareSimServer
import HardwareSims
import Testing

private let printer = #"{"id": "p0", "paperWidthDots": 576, "link": "/tmp/t/p0", "tcp": {"host": "127.0.0.1", "port": 9100}}"#
private let scanner = #"{"id": "s0", "mode": "serial", "suffix": "crlf", "aimPrefix": true, "link": "/tmp/t/s0"}"#

/// kiosk-hwsim's configuration: lock buses, printers and scanners, each refused with one
/// precise line when wrong.
@Suite struct HardwareSimConfigurationTests {
    private func load(_ json: String, extraFiles: [String: String] = [:]) throws -> HardwareSimConfiguration {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hwsim-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in extraFiles {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let path = directory.appendingPathComponent("hwsim.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return try HardwareSimConfiguration.load(path: path)
    }

    private func refusal(_ json: String) -> String? {
        do {
            _ = try load(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func exampleFile_hostsLockBusesAPrinterAndAScanner() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let configuration = try HardwareSimConfiguration.load(path: root.appendingPathComponent("HardwareSims/kiosk-hwsim.example.json").path)
        #expect(configuration.lockBuses.map(\.id) == ["lockbus0", "lockbus1"])
        #expect(configuration.printers == [.init(id: "printer0", paperWidthDots: 576, link: "/tmp/kiosk-hwsim/printer0",
                                                 tcp: .init(host: "127.0.0.1", port: 9100))])
        #expect(configuration.scanners.map(\.id) == ["scanner0"])
        #expect(try configuration.scanners.first?.emulatorMode() == .serialLine(suffix: .carriageReturn, aimPrefix: false))
    }

    @Test func lockBusOnlyConfiguration_stillLoads_withNoPrintersOrScanners() throws {
        let configuration = try load(#"{"lockBuses": [{"id": "b", "family": "kerong", "boards": [0], "link": "/tmp/t/b"}]}"#)
        #expect(configuration.printers.isEmpty && configuration.scanners.isEmpty)
        #expect(configuration.lockBuses.count == 1)
    }

    @Test func printerAndScannerOnly_loads_andTheScannerModeIsBuilt() throws {
        let configuration = try load(#"{"printers": [\#(printer)], "scanners": [\#(scanner)]}"#)
        #expect(configuration.lockBuses.isEmpty)
        #expect(try configuration.scanners[0].emulatorMode() == .serialLine(suffix: .carriageReturnLineFeed, aimPrefix: true))
        #expect(try configuration.printers[0].faultPlan() == PrinterFaultPlan())
    }

    @Test(arguments: [
        (#"{"printers": [\#(printer), \#(printer)]}"#, "printer 'p0' is defined twice"),
        (#"{"printers": [{"id": "p1", "paperWidthDots": 500, "link": "/tmp/t/p1", "tcp": {"host": "127.0.0.1", "port": 0}}]}"#,
         "printer 'p1': paperWidthDots must be 384, 512 or 576, not 500"),
        (#"{"printers": [\#(printer), {"id": "p1", "paperWidthDots": 384, "link": "/tmp/t/p1", "tcp": {"host": "127.0.0.1", "port": 9100}}]}"#,
         "printer 'p1' reuses TCP port 9100 of printer 'p0'"),
        (#"{"control": {"port": 9100}, "printers": [\#(printer)]}"#, "printer 'p0' reuses TCP port 9100 of control"),
        (#"{"printers": [{"id": "p1", "paperWidthDots": 384, "link": "/tmp/t/p1", "tcp": {"host": "127.0.0.1", "port": 70000}}]}"#,
         "printer 'p1': tcp.port must be 0–65535, not 70000"),
        (#"{"printers": [\#(printer)], "scanners": [{"id": "s1", "mode": "serial", "link": "/tmp/t/p0"}]}"#,
         "scanner 's1' reuses the link /tmp/t/p0 of printer 'p0'"),
        (#"{"lockBuses": [{"id": "b", "family": "kerong", "boards": [0], "link": "/tmp/t/s0"}], "scanners": [\#(scanner)]}"#,
         "scanner 's0' reuses the link /tmp/t/s0 of lock bus 'b'"),
        (#"{"scanners": [\#(scanner), \#(scanner)]}"#, "scanner 's0' is defined twice"),
        (#"{"scanners": [{"id": "s1", "mode": "bluetooth", "link": "/tmp/t/s1"}]}"#, "scanner 's1': mode must be serial or wedge, not 'bluetooth'"),
        (#"{"scanners": [{"id": "s1", "mode": "serial", "suffix": "tab", "link": "/tmp/t/s1"}]}"#,
         "scanner 's1': suffix must be cr, crlf or lf, not 'tab'"),
        (#"{"scanners": [{"id": "s1", "mode": "wedge", "suffix": "cr", "link": "/tmp/t/s1"}]}"#,
         "scanner 's1': suffix and aimPrefix apply to serial mode only"),
        (#"{"printers": [{"id": "p1", "link": "/tmp/t/p1", "tcp": {"host": "127.0.0.1", "port": 0}}]}"#,
         "missing key 'printers[0].paperWidthDots'"),
        (#"{"scanners": [{"id": "s1", "mode": 3, "link": "/tmp/t/s1"}]}"#, "wrong type at 'scanners[0].mode'"),
        (#"{"control": {"port": 8090}}"#, "nothing to emulate: configure lockBuses, printers or scanners"),
    ])
    func invalidConfigurations_areRefusedWithOnePreciseLine(json: String, message: String) {
        #expect(refusal(json) == message)
    }

    @Test func faultPlanFile_isReadRelativeToTheConfiguration_andAnInlinePlanIsTakenAsIs() throws {
        let plan = #"{"name": "low", "faults": [{"fault": {"paperNearEnd": {}}, "activation": {"immediately": {}}}]}"#
        let fromFile = try load(
            #"{"printers": [{"id": "p0", "paperWidthDots": 384, "link": "/tmp/t/p0", "tcp": {"host": "127.0.0.1", "port": 0}, "faults": "low.json"}]}"#,
            extraFiles: ["low.json": plan])
        let expected = PrinterFaultPlan(name: "low", faults: [PrinterScheduledFault(.paperNearEnd)])
        #expect(try fromFile.printers[0].faultPlan() == expected)
        let inline = try load(
            #"{"printers": [{"id": "p0", "paperWidthDots": 384, "link": "/tmp/t/p0", "tcp": {"host": "127.0.0.1", "port": 0}, "faults": \#(plan)}]}"#)
        #expect(try inline.printers[0].faultPlan() == expected)
    }

    @Test func missingOrMalformedFaultPlanFile_isRefusedNamingTheFile() throws {
        let json = #"{"printers": [{"id": "p0", "paperWidthDots": 384, "link": "/tmp/t/p0", "tcp": {"host": "127.0.0.1", "port": 0}, "faults": "plan.json"}]}"#
        #expect {
            _ = try load(json)
        } throws: { error in "\(error)".hasPrefix("printer 'p0': cannot read the fault plan /") && "\(error)".hasSuffix("/plan.json") }
        #expect {
            _ = try load(json, extraFiles: ["plan.json": #"{"name": "x", "faults": [{"fault": {"meteor": {}}, "activation": {"immediately": {}}}]}"#])
        } throws: { error in "\(error)".contains("is not a printer fault plan") }
    }
}
