import DeviceProtocols
import Foundation
import HardwareSims
import Hummingbird

/// The scanner routes:
///
/// | method and path | does |
/// |---|---|
/// | `GET /api/scanners`, `GET /api/scanners/{id}` | mode, suffix, links, scans sent and pending |
/// | `POST /api/scanners/{id}/scan-text` | `{"text": "…"}`: one scan |
/// | `POST /api/scanners/{id}/scan-image` | a PNG, a PGM, or `{"text": "…", "symbology": "qr"}` rendered as a QR image; zbar decodes it and each symbol is sent |
/// | `POST /api/scanners/{id}/unplug`, `/replug` | pull or restore the PTY |
///
/// A scan the scanner refuses (empty text, a character a wedge cannot type, an image without
/// a symbol) answers 400 with the reason.
extension ControlRoutes {
    /// The body of `POST /api/scanners/{id}/scan-text`.
    struct ScanTextBody: Decodable {
        var text: String
    }

    /// Registers the scanner routes on `scanners` (`/api/scanners`).
    static func registerScanners<Context: RequestContext>(on scanners: RouterGroup<Context>, hosts: [String: ScannerHost]) {
        registerCommonRoutes(on: scanners, hosts: hosts) { ScannerList(scanners: $0) }
        scanners.post(":id/scan-text") { request, context -> ScanResult in
            let host = try device(in: hosts, context)
            let body = try await decodeBody(ScanTextBody.self, of: request, context, what: #"{"text": "…"}"#)
            do {
                try await host.emulator.scan(text: body.text)
            } catch let error as ScannerControlError {
                throw HTTPError(.badRequest, message: error.description)
            }
            return ScanResult(scanner: host.id, sent: [body.text])
        }
        scanners.post(":id/scan-image") { request, context -> ScanResult in
            let host = try device(in: hosts, context)
            let image: GreyImage
            do {
                image = try ScanImageBody.image(from: try await bodyBytes(of: request, context))
            } catch let problem as ScanImageBody.Problem {
                throw HTTPError(.badRequest, message: problem.description)
            }
            do {
                return ScanResult(scanner: host.id, sent: try await host.emulator.scan(image: image))
            } catch let error as ScannerControlError {
                throw HTTPError(.badRequest, message: error.description)
            }
        }
    }
}
