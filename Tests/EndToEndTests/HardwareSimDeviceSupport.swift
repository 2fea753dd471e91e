import DeviceProtocols
import DeviceTransports
import Foundation
import KioskHAL
import Testing

/// Real device traffic for the kiosk-hwsim tests: ESC/POS jobs built with `EscPosJob`, and
/// readers that wait (with generous hang guards) for what an emulator sends.
enum HardwareSimDeviceSupport {
    /// A 58 mm (384-dot) receipt rendered by the kiosk's own `ReceiptRenderer`: a title and the
    /// QR of `text`.
    static func receiptBitmap(_ text: String) throws -> MonoBitmap {
        let document = ReceiptDocument(blocks: [
            .title("Biên nhận hồ sơ"),
            .qrCode(payload: text, moduleSize: nil, errorCorrection: .medium),
        ])
        return try MonoBitmap(try ReceiptRenderer(profile: .mm58).render(document))
    }

    /// Lines fed after the image by `receiptJob`.
    static let feedLines: UInt8 = 2

    /// init, centre, the raster of `bitmap`, feed, full cut: one page.
    static func receiptJob(_ bitmap: MonoBitmap) throws -> [UInt8] {
        var job = try EscPosJob()
        job.begin(alignment: .center)
        try job.image(bitmap)
        job.feed(lines: feedLines)
        job.cut(.full)
        return job.bytes
    }

    /// The page `receiptJob(bitmap)` prints on a printer of the bitmap's width (30-dot lines).
    static func expectedPage(_ bitmap: MonoBitmap) throws -> MonoBitmap {
        let blankRows = Int(feedLines) * 30
        return try MonoBitmap(
            width: bitmap.width, height: bitmap.height + blankRows,
            packedRows: bitmap.rows + [UInt8](repeating: 0, count: blankRows * bitmap.bytesPerRow))
    }

    /// Reads from `stream` until `count` bytes arrived; fails after a 60 s hang guard per read.
    static func read(_ count: Int, from stream: any ByteStream) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            bytes += try await stream.read(maxCount: count - bytes.count, timeout: .seconds(60))
        }
        return bytes
    }

    /// Asks `10 04 n` on `stream` and returns the one-byte reply.
    static func status(_ request: EscPosStatusRequest, on stream: any ByteStream) async throws -> EscPosStatus {
        try await stream.write(request.queryBytes, timeout: .seconds(30))
        let reply = try await read(1, from: stream)
        return try EscPosStatus(reply: reply[0], to: request)
    }

    /// Opens the PTY at `link`, retrying while it is being (re)created; fails after 30 s.
    static func openPort(_ link: String) async throws -> SerialPort {
        for _ in 0..<1200 {
            if let port = try? SerialPort(path: link, bitsPerSecond: 9600, name: link) { return port }
            try await Task.sleep(for: .milliseconds(25))
        }
        return try SerialPort(path: link, bitsPerSecond: 9600, name: link)
    }

    /// Polls `condition` until it holds; false after the 60 s hang guard.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<2400 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(25))
        }
        return false
    }
}
