import Foundation
import OneStopWire

/// Sample wire values and their exact JSON, written by hand from `docs/onestop-sync.openapi.yaml`.
enum OneStopWireSamples {
    static func date(_ text: String) -> Date {
        OneStopDateFormat.date(from: text) ?? .distantPast
    }

    static let eventID = UUID(uuidString: "0193F1C2-5D7E-7A11-9C2E-3F1A2B4C5D6E") ?? UUID()

    static let pickupHash = OneStopSecretHash(
        iterations: 210_000, salt: "AAECAwQFBgcICQoLDA0ODw==", hash: "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=")

    static let manifestPage = OneStopManifestPage(
        cursor: "c18842", hasMore: false,
        dossiers: [
            OneStopManifestDossier(
                dossierCode: "000.28.21.H28-251107-0012", procedureCode: "1.001612",
                procedureName: "Đăng ký thành lập hộ kinh doanh", maskedOwnerName: "Nguyễn T** Thu Hà",
                maskedOwnerIDNumber: "********4821", maskedPhoneNumber: "09******68", status: .resultReady,
                receivedAt: date("2025-11-07T09:15:30.000+07:00"), appointmentAt: date("2025-11-12T17:00:00.000+07:00"),
                fees: [OneStopFee(name: "Lệ phí", code: "1", timing: .atHandOut, amount: 100_000, paid: false)],
                resultPapers: [OneStopResultPaper(name: "Giấy chứng nhận", count: 1)],
                kiosk: OneStopKioskDetails(
                    slotSize: .small, authenticationMethods: [.receiptQRAndPickupCode, .dossierCodeAndPickupCode],
                    inPersonReceiptRequired: false, feesDue: 100_000, pickupCodeHash: pickupHash,
                    pickupDeadline: date("2025-11-19T23:59:59.000+07:00"), slot: "B-07", changeNumber: 18842))
        ],
        tombstones: [OneStopTombstone(dossierCode: "000.28.21.H28-251110-0003", reason: .withdrawn, changeNumber: 18841)])

    static let manifestPageJSON = """
        {"ConNua":false,"ConTro":"c18842","DaXoa":[{"LyDo":"RUT_HO_SO","MaHoSo":"000.28.21.H28-251110-0003","PhienBan":18841}],\
        "DanhSach":[{"ChuHoSo":"Nguyễn T** Thu Hà","DanhSachGiayToKetQua":[{"SoLuong":1,"TenGiayTo":"Giấy chứng nhận"}],\
        "DanhSachLePhi":[{"DaThanhToan":false,"Gia":100000,"HinhThucThu":"THU_SAU","MaPhiLePhi":"1","TenPhiLePhi":"Lệ phí"}],\
        "Kiosk":{"HanNhan":"2025-11-19T23:59:59.000+07:00","KichThuocO":"S",\
        "MaNhan":{"GiaTriBam":"ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=","Muoi":"AAECAwQFBgcICQoLDA0ODw==","SoVongLap":210000,"ThuatToan":"pbkdf2-sha256"},\
        "MaO":"B-07","PhiConNo":100000,"PhienBan":18842,"PhuongThucXacThuc":["QR_OTP","MAHOSO_OTP"],"YeuCauNhanChinhChu":false},\
        "MaHoSo":"000.28.21.H28-251107-0012","MaTTHC":"1.001612","NgayHenTra":"2025-11-12T17:00:00.000+07:00",\
        "NgayTiepNhan":"2025-11-07T09:15:30.000+07:00","SoDienThoai":"09******68","SoGiayToChuHoSo":"********4821",\
        "TenTTHC":"Đăng ký thành lập hộ kinh doanh","TrangThaiHoSo":"9"}]}
        """

    static func eventBatch() throws -> OneStopEventBatch {
        OneStopEventBatch(
            kioskID: "KVT01",
            events: [
                try OneStopEvent(
                    id: eventID, seq: 18843, kind: .resultHandedOut, occurredAt: date("2025-11-12T21:47:05.000+07:00"),
                    dossierCode: "000.28.21.H28-251107-0012",
                    encoding: OneStopResultHandedOut(slot: "B-07", authenticationMethod: .receiptQRAndPickupCode))
            ])
    }

    static let eventBatchJSON = """
        {"MaKiosk":"KVT01","SuKien":[{"DuLieu":{"MaO":"B-07","PhuongThucXacThuc":"QR_OTP"},\
        "LoaiSuKien":"TRA_KET_QUA","MaHoSo":"000.28.21.H28-251107-0012",\
        "MaSuKien":"0193F1C2-5D7E-7A11-9C2E-3F1A2B4C5D6E","SoThuTu":18843,"ThoiDiem":"2025-11-12T21:47:05.000+07:00"}]}
        """

    static let batchResult = OneStopEventBatchResult(
        accepted: [eventID],
        rejected: [
            OneStopRejectedEvent(id: eventID, seq: 18845, reason: .sequenceGap, retryable: true, detail: "gap")
        ],
        lastConsumedSeq: 18843)

    static let batchResultJSON = """
        {"DaNhan":["0193F1C2-5D7E-7A11-9C2E-3F1A2B4C5D6E"],"SoThuTuCuoi":18843,\
        "TuChoi":[{"ChiTiet":"gap","LyDo":"THIEU_SO_THU_TU","MaSuKien":"0193F1C2-5D7E-7A11-9C2E-3F1A2B4C5D6E","SoThuTu":18845,"ThuLai":true}]}
        """
}
