import DeviceProtocols
import DeviceTransports
import Foundation
import HardwareSimServer
import KioskHAL
import Testing

/// The scanner's control routes over real HTTP; what they scan is read from the scanner's PTY.
@Suite struct HardwareSimScannerRoutesTests {
    typealias Support = HardwareSimDeviceSupport

    private func withScanners(_ body: @Sendable (InProcessHardwareSim, SerialPort, ScannerHost) async throws -> Void) async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        let configuration = HardwareSimConfiguration(scanners: [
            .init(id: "scanner0", mode: "serial", suffix: "crlf", aimPrefix: true, link: sandbox.directory.appendingPathComponent("scanner0").path),
            .init(id: "wedge0", mode: "wedge", link: sandbox.directory.appendingPathComponent("wedge0").path),
        ])
        try await InProcessHardwareSim.with(configuration) { sim in
            let host = try #require(sim.simulator.scanners["scanner0"])
            let port = try await Support.openPort(host.link)
            try await body(sim, port, host)
            await port.close()
        }
    }

    private func line(_ text: String) -> [UInt8] { Array("]Q1\(text)\r\n".utf8) }

    @Test func scanText_arrivesOnThePTY_withTheAIMPrefixAndConfiguredSuffix() async throws {
        try await withScanners { sim, port, _ in
            let reply = try await sim.call("POST", "api/scanners/scanner0/scan-text", json: #"{"text": "DK-2026-000731"}"#)
            #expect(reply.status == 200 && reply.json["sent"] as? [String] == ["DK-2026-000731"])
            #expect(try await Support.read(line("DK-2026-000731").count, from: port) == line("DK-2026-000731"))
            let view = try await sim.call("GET", "api/scanners/scanner0").json
            #expect(view["suffix"] as? String == "crlf" && view["aimPrefix"] as? Bool == true && view["scans"] as? Int == 1)
            let list = try await sim.call("GET", "api/scanners").json["scanners"] as? [[String: Any]]
            #expect(list?.map { $0["id"] as? String } == ["scanner0", "wedge0"])
        }
    }

    @Test func badScans_areRefusedWith400AndPreciseReasons_andUnknownScanners404() async throws {
        try await withScanners { sim, _, _ in
            let empty = try await sim.call("POST", "api/scanners/scanner0/scan-text", json: #"{"text": ""}"#)
            #expect(empty.status == 400 && empty.errorMessage == "empty scan text")
            let noText = try await sim.call("POST", "api/scanners/scanner0/scan-text", json: #"{"code": "x"}"#)
            #expect(noText.status == 400 && noText.errorMessage == #"not {"text": "…"}: missing key 'text'"#)
            let accent = try await sim.call("POST", "api/scanners/wedge0/scan-text", json: #"{"text": "Hồ sơ"}"#)
            #expect(accent.status == 400 && accent.errorMessage == #"a keyboard wedge cannot type "ồ""#)
            let garbage = try await sim.call("POST", "api/scanners/scanner0/scan-image", body: Data([0x00, 0x01, 0x02]))
            #expect(garbage.status == 400)
            #expect(garbage.errorMessage == #"the body must be a PNG, a PGM (P5 or P2) or JSON {"text": …, "symbology": "qr"}"#)
            let ean = try await sim.call("POST", "api/scanners/scanner0/scan-image", json: #"{"text": "123", "symbology": "ean13"}"#)
            #expect(ean.status == 400 && ean.errorMessage == "symbology must be qr, not 'ean13'")
            let blank = try await sim.call("POST", "api/scanners/scanner0/scan-image", body: Data("P5\n8 8\n255\n".utf8) + Data(repeating: 255, count: 64))
            #expect(blank.status == 400 && blank.errorMessage == "no barcode found in the image")
            let short = try await sim.call("POST", "api/scanners/scanner0/scan-image", body: Data("P5 8 8 255\n".utf8) + Data(repeating: 255, count: 10))
            #expect(short.status == 400 && short.errorMessage == "image file truncated in raster (10 of 64 samples)")
            let unknown = try await sim.call("POST", "api/scanners/scanner9/scan-text", json: #"{"text": "x"}"#)
            #expect(unknown.status == 404 && unknown.errorMessage == "no scanner 'scanner9'")
            #expect(try await sim.call("GET", "api/scanners/scanner0").json["scans"] as? Int == 0)
        }
    }

    @Test func scanImage_decodesAQRRenderedFromText_aPGM_andAStoredPNG_andSendsEachCode() async throws {
        try await withScanners { sim, port, _ in
            // Given a QR rendered from JSON
            let json = try await sim.call("POST", "api/scanners/scanner0/scan-image", json: #"{"text": "HS-0001", "symbology": "qr"}"#)
            #expect(json.status == 200 && json.json["sent"] as? [String] == ["HS-0001"])
            #expect(try await Support.read(line("HS-0001").count, from: port) == line("HS-0001"))
            // Given the same kind of symbol as a binary PGM
            let symbol = try QRMatrix(text: "HS-0002").rasterised(moduleSize: 3)
            let pgm = Data("P5\n# from a test\n\(symbol.width) \(symbol.height)\n255\n".utf8) + Data(symbol.pixels)
            #expect(try await sim.call("POST", "api/scanners/scanner0/scan-image", body: pgm).json["sent"] as? [String] == ["HS-0002"])
            #expect(try await Support.read(line("HS-0002").count, from: port) == line("HS-0002"))
            // Given a PNG as the printer's page routes serve it
            let png = Data(PNGEncoder.encode(try QRMatrix(text: "HS-0003").rasterised(moduleSize: 2)))
            #expect(try await sim.call("POST", "api/scanners/scanner0/scan-image", body: png).json["sent"] as? [String] == ["HS-0003"])
            #expect(try await Support.read(line("HS-0003").count, from: port) == line("HS-0003"))
        }
    }

    @Test func unplug_removesTheLink_scansWaitInTheQueue_andReplugServesANewPortAtTheLink() async throws {
        try await withScanners { sim, port, host in
            #expect(try await sim.call("POST", "api/scanners/scanner0/unplug").json["plugged"] as? Bool == false)
            await #expect {
                _ = try await port.read(maxCount: 16, timeout: .seconds(30))
            } throws: { error in (error as? HALError)?.kind == .disconnected }
            #expect(!FileManager.default.fileExists(atPath: host.link))
            // A code scanned while unplugged waits in the scanner
            _ = try await sim.call("POST", "api/scanners/scanner0/scan-text", json: #"{"text": "LATE-1"}"#)
            #expect(try await sim.call("GET", "api/scanners/scanner0").json["pending"] as? Int == 1)
            // After the replug it goes out on the new port (a driver opening the port later may
            // flush it, as with a real scanner), and new scans arrive on the reopened link
            #expect(try await sim.call("POST", "api/scanners/scanner0/replug").json["plugged"] as? Bool == true)
            #expect(try await Support.eventually { try await sim.call("GET", "api/scanners/scanner0").json["pending"] as? Int == 0 })
            let again = try await Support.openPort(host.link)
            _ = try await sim.call("POST", "api/scanners/scanner0/scan-text", json: #"{"text": "AFTER-1"}"#)
            var received: [UInt8] = []
            while !received.ends(with: line("AFTER-1")) {
                received += try await again.read(maxCount: 64, timeout: .seconds(60))
            }
            #expect(line("LATE-1").ends(with: Array(received.dropLast(line("AFTER-1").count))), "unexpected bytes before the scan")
            await again.close()
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes end with `suffix`.
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
