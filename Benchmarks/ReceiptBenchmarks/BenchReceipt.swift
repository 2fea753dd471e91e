import DeviceProtocols
import Foundation

/// The receipt every measurement prints: the hand-in receipt of the first seed dossier
/// (`data/seed/dossiers.json`, business household registration), personal data masked as the
/// domain layer masks it, three declared papers and a paid fee.
enum BenchReceipt {
    /// 07/11/2025 09:15:30 in Vietnam (02:15:30 UTC), the seed dossier's NgayTiepNhan.
    static let dropTime = Date(timeIntervalSince1970: 1_762_481_730)

    /// The receipt's values.
    static let handIn = HandInReceipt(
        agencyName: "UBND phường Vị Thanh",
        kioskName: "ATM hồ sơ 24/7 Vị Thanh",
        dossierCode: "000.28.21.H28-251107-0012",
        procedureName: "Đăng ký thành lập hộ kinh doanh",
        maskedSubmitterName: "Nguyễn T** Thu Hà",
        maskedPhone: "0912***668",
        papers: [
            "Giấy đề nghị đăng ký hộ kinh doanh (bản chính)",
            "Bản sao Căn cước công dân của chủ hộ",
            "Hợp đồng thuê địa điểm kinh doanh (bản sao)",
        ],
        droppedAt: dropTime,
        expectedAppointment: dropTime.addingTimeInterval(5 * 86_400),
        feesPaid: 100_000,
        feeReceiptNumber: "0000123",
        hotline: "0293 3876 543")

    /// The unit of work both sides time: receipt values → the complete ESC/POS job bytes
    /// (document, FreeType text, QR, layout, 1-bit raster, `ESC @`, `FS .`, `ESC a 1`,
    /// `GS v 0` strips of 256 rows, `GS V 66 0`).
    static func job(_ receipt: HandInReceipt, renderer: ReceiptRenderer) throws -> [UInt8] {
        let image = try renderer.render(receipt.document())
        var job = try EscPosJob(maxStripRows: 256)
        job.begin(alignment: .center)
        try job.image(try MonoBitmap(image))
        job.cut(.partial, feed: 0)
        return job.bytes
    }

    /// The values as the Python comparison reads them (dates as Unix seconds).
    static func pythonValues(_ receipt: HandInReceipt) -> [String: Any] {
        var values: [String: Any] = [
            "agencyName": receipt.agencyName, "kioskName": receipt.kioskName,
            "dossierCode": receipt.dossierCode, "procedureName": receipt.procedureName,
            "maskedSubmitterName": receipt.maskedSubmitterName, "maskedPhone": receipt.maskedPhone,
            "papers": receipt.papers, "droppedAt": receipt.droppedAt.timeIntervalSince1970,
            "feesPaid": receipt.feesPaid, "hotline": receipt.hotline,
            "utcOffsetSeconds": receipt.utcOffsetSeconds,
            "title": HandInReceipt.title, "keepNotice": HandInReceipt.keepNotice,
            "appointmentNotice": HandInReceipt.appointmentNotice,
        ]
        values["expectedAppointment"] = receipt.expectedAppointment?.timeIntervalSince1970 ?? NSNull()
        values["feeReceiptNumber"] = receipt.feeReceiptNumber ?? NSNull()
        return values
    }
}
