import DeviceProtocols
import Foundation

/// The body of `POST /api/scanners/{id}/scan-image`, turned into the `GreyImage` the scanner
/// emulator decodes with zbar. Three forms are accepted, told apart by their first bytes:
///
/// - a PNG or a PGM, read by the product's one image-file reader, `GreyImage.decodeFile`
///   (DeviceProtocols): PNG 8-bit greyscale, not interlaced, with stored (uncompressed)
///   deflate blocks — the form `PNGEncoder` writes, so a page fetched from
///   `GET /api/printers/{id}/pages/{n}.png` can be held under the scanner as it is; PGM binary
///   (`P5`) or plain (`P2`), maxval 1–255. Compressed PNGs are refused (no inflate here).
/// - JSON `{"text": "…", "symbology": "qr"}`: the text is encoded as a QR symbol
///   (`QRMatrix`, error correction M) and rasterised with 4-pixel modules and a quiet zone.
enum ScanImageBody {
    /// Why a body was refused, one line for the 400 answer.
    struct Problem: Error, CustomStringConvertible, Equatable {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The JSON form.
    struct Symbol: Decodable {
        var text: String
        var symbology: String?
    }

    /// Pixels per QR module when a text is rendered.
    static let moduleSize = 4

    /// The image `body` holds.
    /// - Throws: `Problem` saying what is wrong with the body.
    static func image(from body: [UInt8]) throws(Problem) -> GreyImage {
        do {
            return try GreyImage.decodeFile(body)
        } catch .unknownFormat {
            // Neither PNG nor PGM: the JSON form, or nothing this route reads.
        } catch {
            throw Problem(error.description)
        }
        if body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
            return try rendered(body)
        }
        throw Problem("the body must be a PNG, a PGM (P5 or P2) or JSON {\"text\": …, \"symbology\": \"qr\"}")
    }

    /// Renders the JSON form's text as a QR symbol.
    private static func rendered(_ body: [UInt8]) throws(Problem) -> GreyImage {
        let symbol: Symbol
        do {
            symbol = try JSONProblem.decode(Symbol.self, from: Data(body), whole: "the body is not valid JSON")
        } catch {
            throw Problem("\(error)")
        }
        guard (symbol.symbology ?? "qr") == "qr" else {
            throw Problem("symbology must be qr, not '\(symbol.symbology ?? "")'")
        }
        guard !symbol.text.isEmpty else { throw Problem("text must not be empty") }
        do {
            return try QRMatrix(text: symbol.text).rasterised(moduleSize: moduleSize)
        } catch let error as QREncodeError {
            throw Problem("cannot encode the text as QR: \(error)")
        } catch {
            throw Problem("cannot rasterise the QR symbol: \(error)")
        }
    }
}
