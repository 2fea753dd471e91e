import DeviceProtocols
import DeviceTransports
import Foundation
import HardwareSimServer
import HardwareSims
import KioskHAL
import Testing

/// The printer's control routes over real HTTP, with jobs sent over the real TCP port.
@Suite struct HardwareSimPrinterRoutesTests {
    typealias Support = HardwareSimDeviceSupport

    private func configuration(_ directory: URL, width: Int = 384) -> HardwareSimConfiguration {
        HardwareSimConfiguration(printers: [.init(
            id: "printer0", paperWidthDots: width, link: directory.appendingPathComponent("printer0").path,
            tcp: .init(host: "127.0.0.1", port: 0))])
    }

    private func withPrinter(_ body: @Sendable (InProcessHardwareSim, PrinterHost, UInt16) async throws -> Void) async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        try await InProcessHardwareSim.with(configuration(sandbox.directory)) { sim in
            let host = try #require(sim.simulator.printers["printer0"])
            #expect(try await Support.eventually { await host.plug.tcpPort != nil })
            let port = try #require(await host.plug.tcpPort)
            try await body(sim, host, port)
        }
    }

    @Test func configuredFaultPlan_isInstalledWhenThePrinterStarts_andOverTCPTheStatusSaysSo() async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        var configuration = configuration(sandbox.directory)
        configuration.printers[0].faults = .inline(PrinterFaultPlan(name: "low", faults: [PrinterScheduledFault(.paperNearEnd)]))
        try await InProcessHardwareSim.with(configuration) { sim in
            #expect(try await sim.call("GET", "api/printers/printer0").json["paper"] as? String == "nearEnd")
            let host = try #require(sim.simulator.printers["printer0"])
            #expect(try await Support.eventually { await host.plug.tcpPort != nil })
            let connection = try await TCPByteStream.connect(host: "127.0.0.1", port: try #require(await host.plug.tcpPort), timeout: .seconds(30))
            #expect(try await Support.status(.paperSensor, on: connection) == .paperSensor(nearEnd: true, paperEnd: false))
            await connection.close()
        }
    }

    @Test func conditionRoutes_changeWhatThePrinterReports_andBadInputIsRefusedPrecisely() async throws {
        try await withPrinter { sim, _, port in
            let view = try await sim.call("GET", "api/printers/printer0")
            #expect(view.status == 200)
            #expect(view.json["paper"] as? String == "ok" && view.json["cover"] as? String == "closed")
            #expect((view.json["links"] as? [String: Any])?["tcpPort"] as? Int == Int(port))
            #expect(try await sim.call("PUT", "api/printers/printer0/paper", json: #"{"paper": "nearEnd"}"#).json["paper"] as? String == "nearEnd")
            let opened = try await sim.call("POST", "api/printers/printer0/cover/open").json
            #expect(opened["cover"] as? String == "open" && opened["stopped"] as? Bool == true)
            #expect(try await sim.call("POST", "api/printers/printer0/cover/close").json["cover"] as? String == "closed")
            #expect(try await sim.call("POST", "api/printers/printer0/cutter/fail").json["cutter"] as? String == "failed")
            #expect(try await sim.call("POST", "api/printers/printer0/cutter/fix").json["cutter"] as? String == "ok")
            #expect(try await sim.call("POST", "api/printers/printer0/offline").json["online"] as? Bool == false)
            #expect(try await sim.call("POST", "api/printers/printer0/online").json["online"] as? Bool == true)
            let list = try await sim.call("GET", "api/printers").json["printers"] as? [[String: Any]]
            #expect(list?.map { $0["id"] as? String } == ["printer0"])

            let badPaper = try await sim.call("PUT", "api/printers/printer0/paper", json: #"{"paper": "empty"}"#)
            #expect(badPaper.status == 400)
            #expect(badPaper.errorMessage == "paper must be ok, nearEnd or out, not 'empty'")
            let notJSON = try await sim.call("PUT", "api/printers/printer0/paper", json: "out")
            #expect(notJSON.status == 400 && notJSON.errorMessage?.hasPrefix(#"not {"paper": "ok" | "nearEnd" | "out"}"#) == true)
            let badPlan = try await sim.call("PUT", "api/printers/printer0/faults", json: #"{"name": "x", "faults": [{"activation": {"immediately": {}}}]}"#)
            #expect(badPlan.status == 400)
            #expect(badPlan.errorMessage == "not a printer fault plan: missing key 'faults[0].fault'")
            let unknown = try await sim.call("POST", "api/printers/nope/cover/open")
            #expect(unknown.status == 404 && unknown.errorMessage == "no printer 'nope'")
            #expect(try await sim.call("POST", "api/printers/printer0/cover/lift").status == 404)
        }
    }

    @Test func jobOverTCP_becomesAPage_listedWithItsSize_andServedAsThePNGOfWhatWasPrinted() async throws {
        try await withPrinter { sim, _, port in
            let bitmap = try Support.receiptBitmap("DK-2026-000731")
            let connection = try await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: .seconds(30))
            try await connection.write(try Support.receiptJob(bitmap), timeout: .seconds(30))
            await connection.close()
            #expect(try await Support.eventually { try await sim.call("GET", "api/printers/printer0").json["pages"] as? Int == 1 })
            let expected = try Support.expectedPage(bitmap)
            let pages = try #require(try await sim.call("GET", "api/printers/printer0/pages").json["pages"] as? [[String: Any]])
            #expect(pages.count == 1)
            #expect(pages.first?["width"] as? Int == 384 && pages.first?["height"] as? Int == expected.height)
            #expect(pages.first?["cut"] as? String == "full" && pages.first?["complete"] as? Bool == true)
            #expect(pages.first?["blackDots"] as? Int == bitmap.blackDotCount)
            let png = try await sim.call("GET", "api/printers/printer0/pages/0.png")
            #expect(png.status == 200 && png.contentType == "image/png")
            #expect(Array(png.data) == PNGEncoder.encode(try expected.greyImage()))
            let missing = try await sim.call("GET", "api/printers/printer0/pages/1.png")
            #expect(missing.status == 404 && missing.errorMessage == "no page 1: 1 pages held")
            let cleared = try await sim.call("DELETE", "api/printers/printer0/pages")
            #expect((cleared.json["pages"] as? [Any])?.isEmpty == true)
            let log = try #require(try await sim.call("GET", "api/printers/printer0/log").json["entries"] as? [String])
            #expect(log.contains { $0.contains("cut(") && $0.contains("page: 0)") })
        }
    }

    @Test func tcpPort_servesOneConnectionAtATime_theNextAfterThePreviousCloses() async throws {
        try await withPrinter { _, _, port in
            let first = try await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: .seconds(30))
            #expect(try await Support.status(.printer, on: first) == .printer(offline: false))
            // A second host connects while the first holds the printer: it waits unanswered
            let second = try await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: .seconds(30))
            try await second.write(EscPosStatusRequest.paperSensor.queryBytes, timeout: .seconds(30))
            await #expect {
                _ = try await second.read(maxCount: 1, timeout: .milliseconds(300))
            } throws: { error in (error as? HALError)?.kind == .timedOut }
            // Once the first closes, the second is served, its queued query answered
            await first.close()
            #expect(try await Support.read(1, from: second) == [EscPosStatus.paperSensor(nearEnd: false, paperEnd: false).replyByte])
            await second.close()
        }
    }

    @Test func unplug_closesTheConnectionAndThePTY_refusesConnections_andReplugServesTheSamePortAndLink() async throws {
        try await withPrinter { sim, host, port in
            let connection = try await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: .seconds(30))
            #expect(try await Support.status(.printer, on: connection) == .printer(offline: false))
            let unplugged = try await sim.call("POST", "api/printers/printer0/unplug")
            #expect(unplugged.json["plugged"] as? Bool == false)
            await #expect {
                _ = try await connection.read(maxCount: 1, timeout: .seconds(30))
            } throws: { error in (error as? HALError)?.kind == .disconnected }
            await connection.close()
            #expect(!FileManager.default.fileExists(atPath: host.link), "the PTY link outlived the unplug")
            await #expect {
                _ = try await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: .seconds(30))
            } throws: { error in (error as? HALError)?.kind == .disconnected }

            #expect(try await sim.call("POST", "api/printers/printer0/replug").status == 200)
            let pty = try await Support.openPort(host.link)
            #expect(try await Support.status(.paperSensor, on: pty) == .paperSensor(nearEnd: false, paperEnd: false))
            await pty.close()
            var again: TCPByteStream?
            #expect(try await Support.eventually {
                again = try? await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: .seconds(30))
                return again != nil
            })
            let reconnected = try #require(again)
            #expect(try await Support.status(.printer, on: reconnected) == .printer(offline: false))
            await reconnected.close()
        }
    }
}
