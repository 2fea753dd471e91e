import HardwareSims
import Hummingbird

/// One scanner as the control API shows it.
public struct ScannerView: Codable, Sendable, Equatable, ResponseEncodable {
    /// Scanner id.
    public var id: String
    /// `serial` or `wedge`.
    public var mode: String
    /// Serial line terminator (`cr`, `crlf`, `lf`); absent for a wedge.
    public var suffix: String?
    /// Whether serial lines start with `]Q1`.
    public var aimPrefix: Bool
    /// The stable symlink a driver opens.
    public var link: String
    /// The PTY behind the link while plugged.
    public var pty: String?
    /// Whether it is plugged in.
    public var plugged: Bool
    /// Codes scanned so far.
    public var scans: Int
    /// Transmissions queued and not yet written (e.g. while unplugged).
    public var pending: Int
}

/// Every scanner, for `GET /api/scanners`.
public struct ScannerList: Codable, Sendable, Equatable, ResponseEncodable {
    /// The scanners, by id.
    public var scanners: [ScannerView]
}

/// What one scan request sent, for `POST /api/scanners/{id}/scan-text` and `scan-image`.
public struct ScanResult: Codable, Sendable, Equatable, ResponseEncodable {
    /// Scanner id.
    public var scanner: String
    /// The codes sent, in order (one for text, one per symbol found in an image).
    public var sent: [String]
}

extension ScannerHost {
    /// The scanner as the control API shows it.
    func view() async -> ScannerView {
        let wedge = configuration.mode == "wedge"
        return ScannerView(
            id: id, mode: configuration.mode, suffix: wedge ? nil : configuration.suffix ?? "cr",
            aimPrefix: configuration.aimPrefix ?? false, link: link, pty: await plug.terminalPath,
            plugged: await plug.isPlugged, scans: await emulator.sentPayloads.count,
            pending: await emulator.pendingTransmissions)
    }
}
