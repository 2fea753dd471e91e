import DeviceProtocols
import Foundation
import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// The hand-in receipt end to end below the engine: rendered for the paper, printed through the
/// production driver into the printer emulator over TCP and over a PTY, and read back from the
/// emulator's page with zbar.
@Suite struct HandInReceiptPrintTests {
    /// One paper size and one transport.
    struct Case: Sendable, CustomStringConvertible {
        let paper: String
        let transport: PrinterTransport
        var profile: PaperProfile { paper == "58mm" ? .mm58 : .mm80 }
        var description: String { "\(paper) over \(transport)" }

        static let all: [Case] = ["58mm", "80mm"].flatMap { paper in
            [PrinterTransport.tcp, .pty].map { Case(paper: paper, transport: $0) }
        }
    }

    /// The dossier code of the first seed dossier in `data/seed/dossiers.json`.
    static func seedDossierCode() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("data/seed/dossiers.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let dossiers = try #require(json["HoSo"] as? [[String: Any]])
        return try #require(dossiers.first?["MaHoSo"] as? String)
    }

    /// The hand-in receipt of `code`, with masked personal data.
    static func receipt(code: String) -> HandInReceipt {
        let dropped = Date(timeIntervalSince1970: 1_762_481_730)
        return HandInReceipt(
            agencyName: "UBND phường Vị Thanh", kioskName: "ATM hồ sơ 24/7 Vị Thanh", dossierCode: code,
            procedureName: "Đăng ký thành lập hộ kinh doanh", maskedSubmitterName: "Nguyễn T** Thu Hà",
            maskedPhone: "0912***668",
            papers: ["Giấy đề nghị đăng ký hộ kinh doanh (bản chính)", "Bản sao Căn cước công dân của chủ hộ"],
            droppedAt: dropped, expectedAppointment: dropped.addingTimeInterval(5 * 86_400),
            feesPaid: 100_000, feeReceiptNumber: "0000123", hotline: "0293 3876 543")
    }

    @Test(arguments: Case.all)
    func handInReceipt_printedThroughTheDriver_carriesAQRWhoseTextIsTheDossierCode(_ testCase: Case) async throws {
        // Given the receipt of a seed dossier rendered for the paper
        let code = try Self.seedDossierCode()
        #expect(code == "000.28.21.H28-251107-0012")
        let image = try ReceiptRenderer(profile: testCase.profile).render(Self.receipt(code: code).document())
        let job = try ReceiptPrinterRig.job(id: "hand-in-\(code)", image: image)
        #expect(job.widthDots == testCase.profile.widthDots)
        try await ReceiptPrinterRig.with(testCase.transport, paperWidth: testCase.profile.widthDots) { rig throws in
            #expect(await rig.ready())
            // When it is printed
            #expect(try await rig.printer.print(job, bound: .seconds(60)) == .printed)
            // Then the emulator's page is the receipt, and zbar finds exactly the dossier code
            let page = try #require(await rig.emulator.pages.first)
            #expect(page.shows(job))
            let symbols = try BarcodeImageDecoder().decode(try page.greyImage())
            let qr = symbols.filter(\.isQRCode)
            #expect(qr.count == 1)
            #expect(qr.first?.text == code)
        }
    }
}
