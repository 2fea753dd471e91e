import Foundation

/// What the hand-out slip ("PHIẾU TRẢ KẾT QUẢ") shows, as plain values.
///
/// Personal data arrives already masked (the domain layer owns the masking rules); this type
/// only lays it out. Times are formatted at `utcOffsetSeconds` (Vietnam: UTC+7).
public struct HandOutSlip: Hashable, Sendable {
    /// The slip's title, printed large and bold.
    public static let title = "PHIẾU TRẢ KẾT QUẢ"

    /// Dossier code (mã hồ sơ), printed as text and encoded verbatim in the QR.
    public var dossierCode: String
    /// Procedure name (tên thủ tục hành chính).
    public var procedureName: String
    /// Result papers handed over, in order (printed as a numbered list).
    public var resultPapers: [String]
    /// Recipient's name, already masked.
    public var maskedRecipientName: String
    /// How the recipient proved who they are, in Vietnamese (e.g. "Mã nhận qua SMS và CCCD").
    public var authenticationMethod: String
    /// When the slot door was opened for the recipient.
    public var handedOutAt: Date
    /// The slot's label, e.g. "B-07".
    public var slotLabel: String
    /// The kiosk's identifier, e.g. "KVT01".
    public var kioskID: String
    /// The hand-out transaction identifier.
    public var transactionID: String
    /// Offset from UTC in seconds used to print times.
    public var utcOffsetSeconds: Int

    /// A slip with every field given; `utcOffsetSeconds` defaults to Vietnam (UTC+7).
    public init(
        dossierCode: String, procedureName: String, resultPapers: [String],
        maskedRecipientName: String, authenticationMethod: String, handedOutAt: Date,
        slotLabel: String, kioskID: String, transactionID: String,
        utcOffsetSeconds: Int = ReceiptFormat.vietnamUTCOffsetSeconds
    ) {
        self.dossierCode = dossierCode
        self.procedureName = procedureName
        self.resultPapers = resultPapers
        self.maskedRecipientName = maskedRecipientName
        self.authenticationMethod = authenticationMethod
        self.handedOutAt = handedOutAt
        self.slotLabel = slotLabel
        self.kioskID = kioskID
        self.transactionID = transactionID
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The slip as blocks: title, QR and code, procedure, results, recipient, time, slot, ids.
    public func document() -> ReceiptDocument {
        ReceiptDocument(blocks: [
            .title(Self.title),
            .qrCode(payload: dossierCode, moduleSize: nil, errorCorrection: .medium),
            .text("Mã hồ sơ", weight: .regular, alignment: .centred),
            .text(dossierCode, weight: .bold, alignment: .centred),
            .spacing(dots: 10),
            .keyValue(key: "Thủ tục", value: procedureName),
            .text("Kết quả đã nhận:", weight: .bold, alignment: .left),
            .numberedList(resultPapers.isEmpty ? ["(không có)"] : resultPapers),
            .keyValue(key: "Người nhận", value: maskedRecipientName),
            .keyValue(key: "Xác thực", value: authenticationMethod),
            .keyValue(key: "Thời gian", value: ReceiptFormat.longDateTime(handedOutAt, utcOffsetSeconds: utcOffsetSeconds)),
            .keyValue(key: "Ô tủ", value: slotLabel),
            .keyValue(key: "Máy", value: kioskID),
            .keyValue(key: "Mã giao dịch", value: transactionID),
            .rule(thickness: 1),
            .text("Cảm ơn ông/bà đã sử dụng dịch vụ", weight: .regular, alignment: .centred),
            .spacing(dots: 24),
        ])
    }
}
