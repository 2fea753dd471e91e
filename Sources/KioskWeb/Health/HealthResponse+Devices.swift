import Foundation
import KioskDomain
import KioskHAL

extension HealthResponse {
    /// The receipt printer as `GET /api/health` shows it.
    public struct Printer: Codable, Sendable, Equatable {
        /// The last event the printer reported.
        public struct LastEvent: Codable, Sendable, Equatable {
            /// `paperOut`, `coverOpened`, `online`, `unplugged`…
            public var event: String
            /// When it was seen, ISO-8601 with +07:00.
            public var at: String
            /// What the event asked for, in Vietnamese (`Thay giấy`).
            public var action: String
        }

        /// The configured id.
        public var id: String
        /// Device status (`online`, `userError`, `offline`, `powerOff`, `noDevice`…).
        public var status: String
        /// Paper roll: `ok`, `nearEnd`, `out`, `unknown`.
        public var paper: String
        /// Cover: `closed`, `open`, `unknown`.
        public var cover: String
        /// Cutter: `ok`, `error`, `absent`, `unknown`.
        public var cutter: String
        /// Whether a receipt printed now can be expected to come out.
        public var readyToPrint: Bool
        /// What staff should do now, in Vietnamese (`Thay giấy`, `Gọi kỹ thuật`, `Không cần thao tác`).
        public var recommendedAction: String
        /// The same in English.
        public var recommendedActionEnglish: String
        /// The last event; absent before the first.
        public var lastEvent: LastEvent?

        /// The printer part of the health body for `snapshot`.
        init(_ snapshot: PrinterHealthSnapshot) {
            let action = Self.recommendedAction(for: snapshot.status)
            id = snapshot.id
            status = snapshot.status.device.rawValue
            paper = snapshot.status.paper.rawValue
            cover = snapshot.status.cover.rawValue
            cutter = snapshot.status.cutter.rawValue
            readyToPrint = snapshot.status.isReadyToPrint
            recommendedAction = action.vietnamese
            recommendedActionEnglish = action.english
            lastEvent = snapshot.lastEvent.map {
                LastEvent(event: $0.event.rawValue, at: KioskTime.iso8601($0.at), action: $0.event.recommendedAction.vietnamese)
            }
        }

        /// What to do about a printer in `status`: paper first, then the cover, then anything
        /// that needs a technician; nothing while it is starting or ready.
        static func recommendedAction(for status: ReceiptPrinterStatus) -> ReceiptPrinterAction {
            if status.paper == .out || status.paper == .nearEnd { return .replacePaper }
            if status.cover == .open { return .closeCover }
            switch status.device {
            case .offline, .powerOff, .noDevice, .hardwareError: return .callTechnician
            default: return status.cutter == .error ? .callTechnician : .none
            }
        }
    }

    /// The code scanner as `GET /api/health` shows it; never what was scanned.
    public struct Scanner: Codable, Sendable, Equatable {
        /// The configured id.
        public var id: String
        /// Device status (`online`, `offline`, `starting`…).
        public var status: String
        /// When the last scan was delivered, ISO-8601 with +07:00; absent before the first.
        public var lastScanAt: String?

        /// The scanner part of the health body for `snapshot`.
        init(_ snapshot: ScannerHealthSnapshot) {
            id = snapshot.id
            status = snapshot.status.device.rawValue
            lastScanAt = snapshot.lastScanAt.map(KioskTime.iso8601)
        }
    }
}
