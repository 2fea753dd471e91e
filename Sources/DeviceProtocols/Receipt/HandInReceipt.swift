import Foundation

/// What the hand-in receipt ("BIÊN NHẬN NỘP HỒ SƠ QUA ATM") shows, as plain values.
///
/// Personal data arrives already masked (the domain layer owns the masking rules); this type
/// only lays it out. Times are formatted at `utcOffsetSeconds` (Vietnam: UTC+7).
public struct HandInReceipt: Hashable, Sendable {
    /// The receipt's title, printed large and bold.
    public static let title = "BIÊN NHẬN NỘP HỒ SƠ QUA ATM"
    /// The closing instruction to the citizen.
    public static let keepNotice = "Giữ phiếu này để tra cứu và nhận kết quả"
    /// How the appointment is confirmed, appended to the expected date.
    public static let appointmentNotice = "sẽ xác nhận qua SMS sau khi cán bộ tiếp nhận"

    /// Receiving agency, e.g. "UBND phường Vị Thanh".
    public var agencyName: String
    /// Kiosk name, e.g. "ATM hồ sơ 24/7 Vị Thanh".
    public var kioskName: String
    /// Dossier code (mã hồ sơ), printed as text and encoded verbatim in the QR.
    public var dossierCode: String
    /// Procedure name (tên thủ tục hành chính).
    public var procedureName: String
    /// Submitter's name, already masked (e.g. "Nguyễn T** Thu Hà").
    public var maskedSubmitterName: String
    /// Submitter's phone, already masked (e.g. "0912***668").
    public var maskedPhone: String
    /// Papers the citizen declared, in order (printed as a numbered list).
    public var papers: [String]
    /// When the dossier was dropped into the slot.
    public var droppedAt: Date
    /// Expected appointment date, or `nil` when the office sets it later.
    public var expectedAppointment: Date?
    /// Fees paid at the kiosk in whole đồng (0 when none).
    public var feesPaid: Int
    /// Fee receipt number, when a payment was made.
    public var feeReceiptNumber: String?
    /// Hotline phone number.
    public var hotline: String
    /// Offset from UTC in seconds used to print times.
    public var utcOffsetSeconds: Int

    /// A receipt with every field given; `utcOffsetSeconds` defaults to Vietnam (UTC+7).
    public init(
        agencyName: String, kioskName: String, dossierCode: String, procedureName: String,
        maskedSubmitterName: String, maskedPhone: String, papers: [String], droppedAt: Date,
        expectedAppointment: Date?, feesPaid: Int, feeReceiptNumber: String?, hotline: String,
        utcOffsetSeconds: Int = ReceiptFormat.vietnamUTCOffsetSeconds
    ) {
        self.agencyName = agencyName
        self.kioskName = kioskName
        self.dossierCode = dossierCode
        self.procedureName = procedureName
        self.maskedSubmitterName = maskedSubmitterName
        self.maskedPhone = maskedPhone
        self.papers = papers
        self.droppedAt = droppedAt
        self.expectedAppointment = expectedAppointment
        self.feesPaid = feesPaid
        self.feeReceiptNumber = feeReceiptNumber
        self.hotline = hotline
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The sentence about the appointment: the expected date when known, then how it is confirmed.
    public var appointmentSentence: String {
        guard let expectedAppointment else {
            return "Sẽ xác nhận qua SMS sau khi cán bộ tiếp nhận"
        }
        let day = ReceiptFormat.date(expectedAppointment, utcOffsetSeconds: utcOffsetSeconds)
        return "Dự kiến ngày \(day), \(Self.appointmentNotice)"
    }

    /// The receipt as blocks: header, title, QR and code, details, papers, fees, hotline, notice.
    public func document() -> ReceiptDocument {
        var fees = ReceiptFormat.money(feesPaid)
        if let feeReceiptNumber, !feeReceiptNumber.isEmpty {
            fees += " (biên lai số \(feeReceiptNumber))"
        }
        var blocks: [ReceiptBlock] = [
            .text(agencyName, weight: .bold, alignment: .centred),
            .text(kioskName, weight: .regular, alignment: .centred),
            .rule(thickness: 2),
            .spacing(dots: 6),
            .title(Self.title),
            .qrCode(payload: dossierCode, moduleSize: nil, errorCorrection: .medium),
            .text("Mã hồ sơ", weight: .regular, alignment: .centred),
            .text(dossierCode, weight: .bold, alignment: .centred),
            .spacing(dots: 10),
            .keyValue(key: "Thủ tục", value: procedureName),
            .keyValue(key: "Người nộp", value: maskedSubmitterName),
            .keyValue(key: "Điện thoại", value: maskedPhone),
            .keyValue(key: "Thời gian nộp", value: ReceiptFormat.longDateTime(droppedAt, utcOffsetSeconds: utcOffsetSeconds)),
            .text("Giấy tờ đã nộp:", weight: .bold, alignment: .left),
        ]
        blocks.append(.numberedList(papers.isEmpty ? ["(không khai báo)"] : papers))
        blocks.append(contentsOf: [
            .keyValue(key: "Hẹn trả kết quả", value: appointmentSentence),
            .keyValue(key: "Phí, lệ phí đã nộp", value: fees),
            .rule(thickness: 1),
            .keyValue(key: "Đường dây nóng", value: hotline),
            .spacing(dots: 6),
            .text(Self.keepNotice, weight: .bold, alignment: .centred),
            .spacing(dots: 24),
        ])
        return ReceiptDocument(blocks: blocks)
    }
}
