import Foundation
@testable import DeviceProtocols

/// The sample receipts the tests render, and access to the seed data of `data/seed/`.
enum ReceiptSamples {
    /// The dossier code of the first seed dossier.
    static let dossierCode = "000.28.21.H28-251107-0012"

    /// 07/11/2025 09:15:30 in Vietnam (02:15:30 UTC).
    static let dropTime = Date(timeIntervalSince1970: 1_762_481_730)

    /// The hand-in receipt of the first seed dossier (business household registration).
    static let handIn = HandInReceipt(
        agencyName: "UBND phường Vị Thanh",
        kioskName: "ATM hồ sơ 24/7 Vị Thanh",
        dossierCode: dossierCode,
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

    /// The hand-out slip of the same dossier.
    static let handOut = HandOutSlip(
        dossierCode: dossierCode,
        procedureName: "Đăng ký thành lập hộ kinh doanh",
        resultPapers: ["Giấy chứng nhận đăng ký hộ kinh doanh (bản chính)"],
        maskedRecipientName: "Nguyễn T** Thu Hà",
        authenticationMethod: "Mã nhận qua SMS và CCCD gắn chip",
        handedOutAt: dropTime.addingTimeInterval(5 * 86_400 + 3_600),
        slotLabel: "B-07",
        kioskID: "KVT01",
        transactionID: "TX-20251112-0042")

    /// The package root: `Tests/DeviceProtocolsTests/ReceiptSamples.swift` → three levels up.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Every string value (names, procedure names, results, notes) of the two seed files.
    static func seedStrings() throws -> [String] {
        var strings: [String] = []
        for file in ["data/seed/dossiers.json", "data/seed/procedures.json"] {
            let data = try Data(contentsOf: packageRoot.appendingPathComponent(file))
            collectStrings(in: try JSONSerialization.jsonObject(with: data), into: &strings)
        }
        return strings
    }

    /// Depth-first walk of a decoded JSON value, appending every string.
    private static func collectStrings(in value: Any, into strings: inout [String]) {
        if let text = value as? String {
            strings.append(text)
        } else if let array = value as? [Any] {
            for element in array { collectStrings(in: element, into: &strings) }
        } else if let object = value as? [String: Any] {
            for (_, element) in object { collectStrings(in: element, into: &strings) }
        }
    }
}
