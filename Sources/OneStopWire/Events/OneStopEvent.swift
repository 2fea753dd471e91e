import Foundation

/// One outbox event as sent (an item of `SuKien`).
public struct OneStopEvent: Codable, Sendable, Equatable {
    /// `MaSuKien`: the deduplication key.
    public var id: UUID
    /// `SoThuTu`: per-kiosk sequence number from 1, without gaps.
    public var seq: Int64
    /// `LoaiSuKien`.
    public var kind: OneStopEventKind
    /// `ThoiDiem`: when it happened at the kiosk.
    public var occurredAt: Date
    /// `MaHoSo`, for the kinds that concern a dossier.
    public var dossierCode: String?
    /// `DuLieu`: a JSON object whose members depend on `kind` (see `OneStopResultLoaded` and siblings).
    public var details: JSONValue

    /// An event with details already as JSON.
    public init(id: UUID, seq: Int64, kind: OneStopEventKind, occurredAt: Date, dossierCode: String?, details: JSONValue) {
        self.id = id
        self.seq = seq
        self.kind = kind
        self.occurredAt = occurredAt
        self.dossierCode = dossierCode
        self.details = details
    }

    /// An event whose details are a typed value (encoded with the contract's encoder).
    /// - Throws: `EncodingError` when `details` cannot be JSON.
    public init(
        id: UUID, seq: Int64, kind: OneStopEventKind, occurredAt: Date, dossierCode: String?,
        encoding details: some Encodable
    ) throws {
        self.init(
            id: id, seq: seq, kind: kind, occurredAt: occurredAt, dossierCode: dossierCode,
            details: try JSONValue(encoding: details))
    }

    /// The details read as `T`.
    /// - Throws: `DecodingError` when they do not have `T`'s shape.
    public func details<T: Decodable>(as type: T.Type) throws -> T {
        try details.decode(as: type)
    }

    enum CodingKeys: String, CodingKey {
        case id = "MaSuKien"
        case seq = "SoThuTu"
        case kind = "LoaiSuKien"
        case occurredAt = "ThoiDiem"
        case dossierCode = "MaHoSo"
        case details = "DuLieu"
    }
}
