import DeviceProtocols
import Foundation
import HardwareSims
import Hummingbird

/// The printer routes:
///
/// | method and path | does |
/// |---|---|
/// | `GET /api/printers`, `GET /api/printers/{id}` | paper, cover, cutter, online, pages, links |
/// | `PUT /api/printers/{id}/paper` | `{"paper": "ok" \| "nearEnd" \| "out"}` |
/// | `POST /api/printers/{id}/cover/open`, `/cover/close` | the cover |
/// | `POST /api/printers/{id}/cutter/fail`, `/cutter/fix` | the auto-cutter error |
/// | `POST /api/printers/{id}/online`, `/offline` | online state |
/// | `PUT /api/printers/{id}/faults` | install a `PrinterFaultPlan` (JSON) |
/// | `POST /api/printers/{id}/unplug`, `/replug` | pull or restore the PTY and the TCP port |
/// | `GET /api/printers/{id}/pages`, `DELETE …/pages` | list or forget the finished pages |
/// | `GET /api/printers/{id}/pages/{n}.png` | page `n` (0-based) as an 8-bit grey PNG |
/// | `GET /api/printers/{id}/log` | the emulator's log, oldest first (last 500 lines) |
extension ControlRoutes {
    /// The body of `PUT /api/printers/{id}/paper`.
    struct PaperBody: Decodable {
        var paper: String
    }

    /// Registers the printer routes on `printers` (`/api/printers`).
    static func registerPrinters<Context: RequestContext>(on printers: RouterGroup<Context>, hosts: [String: PrinterHost]) {
        registerCommonRoutes(on: printers, hosts: hosts) { PrinterList(printers: $0) }
        printers.put(":id/paper") { request, context -> PrinterView in
            let host = try device(in: hosts, context)
            let body = try await decodeBody(PaperBody.self, of: request, context, what: #"{"paper": "ok" | "nearEnd" | "out"}"#)
            guard let level = PrinterCondition.Paper(rawValue: body.paper) else {
                throw HTTPError(.badRequest, message: "paper must be ok, nearEnd or out, not '\(body.paper)'")
            }
            await host.emulator.setPaper(level)
            return await host.view()
        }
        printers.post(":id/cover/:action") { _, context -> PrinterView in
            let host = try device(in: hosts, context)
            switch context.parameters.get("action") ?? "" {
            case "open": await host.emulator.openCover()
            case "close": await host.emulator.closeCover()
            case let other: throw HTTPError(.notFound, message: "cover action must be open or close, not '\(other)'")
            }
            return await host.view()
        }
        printers.post(":id/cutter/:action") { _, context -> PrinterView in
            let host = try device(in: hosts, context)
            switch context.parameters.get("action") ?? "" {
            case "fail": await host.emulator.setCutterError(true)
            case "fix": await host.emulator.setCutterError(false)
            case let other: throw HTTPError(.notFound, message: "cutter action must be fail or fix, not '\(other)'")
            }
            return await host.view()
        }
        for (action, online) in [("online", true), ("offline", false)] {
            printers.post(":id/\(action)") { _, context -> PrinterView in
                let host = try device(in: hosts, context)
                await host.emulator.setOnline(online)
                return await host.view()
            }
        }
        printers.put(":id/faults") { request, context -> PrinterView in
            let host = try device(in: hosts, context)
            let plan = try await decodeBody(PrinterFaultPlan.self, of: request, context, what: "a printer fault plan")
            await host.emulator.install(plan)
            return await host.view()
        }
        registerPrinterPages(on: printers, hosts: hosts)
    }

    private static func registerPrinterPages<Context: RequestContext>(on printers: RouterGroup<Context>, hosts: [String: PrinterHost]) {
        printers.get(":id/pages") { _, context -> PrintedPageList in
            try await device(in: hosts, context).pageList()
        }
        printers.delete(":id/pages") { _, context -> PrintedPageList in
            let host = try device(in: hosts, context)
            await host.emulator.clearPages()
            return await host.pageList()
        }
        printers.get(":id/pages/{n}.png") { _, context -> Response in
            let host = try device(in: hosts, context)
            let text = context.parameters.get("n") ?? ""
            guard let index = Int(text), index >= 0 else {
                throw HTTPError(.notFound, message: "page must be a number from 0, not '\(text)'")
            }
            let png: [UInt8]
            do {
                png = try await host.emulator.pagePNG(index)
            } catch let error as PrinterControlError {
                if case .noSuchPage = error { throw HTTPError(.notFound, message: error.description) }
                throw HTTPError(.conflict, message: error.description)
            }
            return Response(
                status: .ok, headers: [.contentType: "image/png"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: png)))
        }
        printers.get(":id/log") { _, context -> EmulatorLogView in
            let host = try device(in: hosts, context)
            let entries = await host.emulator.log.suffix(500).map { "\($0.at) \($0.event)" }
            return EmulatorLogView(entries: entries)
        }
    }
}
