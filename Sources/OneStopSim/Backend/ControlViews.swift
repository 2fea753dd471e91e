import Foundation

/// One message of the SMS log (control API).
public struct SMSRecord: Codable, Sendable, Equatable {
    /// Position in the log, from 1.
    public var id: Int64
    /// Recipient phone number.
    public var phone: String
    /// The dossier it concerns.
    public var dossierCode: String
    /// The text as sent.
    public var text: String
    /// When it was sent (contract date form).
    public var sentAt: String
}

/// One consumed event of a kiosk (control API).
public struct EventLogEntry: Codable, Sendable, Equatable {
    /// `SoThuTu`.
    public var seq: Int64
    /// `MaSuKien`, lower case.
    public var eventID: String
    /// `LoaiSuKien`.
    public var kind: String
    /// `MaHoSo`, when given.
    public var dossierCode: String?
    /// The kiosk's `ThoiDiem`.
    public var occurredAt: String
    /// When the backend consumed it.
    public var receivedAt: String
    /// `accepted` or the refusal reason.
    public var outcome: String
    /// English detail.
    public var detail: String
}

/// A dossier as the simulator holds it (control API).
public struct DossierView: Codable, Sendable, Equatable {
    /// `MaHoSo`.
    public var code: String
    /// National status 1–10.
    public var status: Int
    /// `none` (not in any manifest), `live` or `gone` (tombstone).
    public var feedState: String
    /// `LyDo` of the tombstone when `feedState` is `gone`.
    public var tombstoneReason: String?
    /// The manifest change number of its latest change (0 if never in the feed).
    public var changeNumber: Int64
    /// The slot last reported by `NAP_KET_QUA`.
    public var slot: String?
    /// Fees still due, VND.
    public var feeDue: Int64
    /// `NgayTra`, once handed out.
    public var returnedAt: String?
    /// Whether a pickup code hash is published.
    public var hasPickupCode: Bool
}

/// A staff member to add or replace (control API); the simulator hashes the PIN.
public struct StaffEntry: Codable, Sendable {
    /// `MaCanBo`, 1–64 bytes.
    public var id: String
    /// `HoTen`.
    public var name: String
    /// Wire roles: `CAN_BO_MOT_CUA`, `KY_THUAT_VIEN`, `QUAN_TRI`.
    public var roles: [String]
    /// 4–8 digits.
    public var pin: String
    /// `HoatDong`; `true` when absent.
    public var active: Bool?
}
