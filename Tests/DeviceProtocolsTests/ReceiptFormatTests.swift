import Foundation
import Testing
@testable import DeviceProtocols

@Suite struct ReceiptFormatTests {
    @Test func money_groupsThousandsWithDots_andEndsWithDong() {
        #expect(ReceiptFormat.money(100_000) == "100.000 đ")
        #expect(ReceiptFormat.money(0) == "0 đ")
        #expect(ReceiptFormat.money(999) == "999 đ")
        #expect(ReceiptFormat.money(1_000) == "1.000 đ")
        #expect(ReceiptFormat.money(12_345_678) == "12.345.678 đ")
        #expect(ReceiptFormat.money(-5_000) == "-5.000 đ")
    }

    @Test func dateTimes_areFormattedAtTheGivenOffset_notTheMachineZone() {
        // Given 02:15:30 UTC on 07/11/2025 and 17:05 UTC on 31/12/2025
        let morning = ReceiptSamples.dropTime
        let lateUTC = Date(timeIntervalSince1970: 1_767_200_700)

        // Then Vietnam time is seven hours ahead, crossing the date and year where needed
        #expect(ReceiptFormat.longDateTime(morning) == "09 giờ 15, ngày 07/11/2025")
        #expect(ReceiptFormat.longDateTime(morning, utcOffsetSeconds: 0) == "02 giờ 15, ngày 07/11/2025")
        #expect(ReceiptFormat.shortDateTime(lateUTC) == "01/01/2026 00:05")
        #expect(ReceiptFormat.date(lateUTC, utcOffsetSeconds: 0) == "31/12/2025")
    }

    @Test func handInDocument_carriesEverythingDomainSection5Asks() {
        // Given the sample hand-in receipt
        let document = ReceiptSamples.handIn.document()
        let text = document.visibleText.joined(separator: "\n")

        // Then every required item is on it
        #expect(document.blocks.first { if case .title = $0 { true } else { false } } == .title("BIÊN NHẬN NỘP HỒ SƠ QUA ATM"))
        #expect(document.qrPayloads == ["000.28.21.H28-251107-0012"])
        for expected in [
            "UBND phường Vị Thanh", "ATM hồ sơ 24/7 Vị Thanh", "000.28.21.H28-251107-0012",
            "Thủ tục: Đăng ký thành lập hộ kinh doanh", "Người nộp: Nguyễn T** Thu Hà",
            "Điện thoại: 0912***668", "1. Giấy đề nghị", "3. Hợp đồng thuê",
            "Thời gian nộp: 09 giờ 15, ngày 07/11/2025",
            "Dự kiến ngày 12/11/2025, sẽ xác nhận qua SMS sau khi cán bộ tiếp nhận",
            "100.000 đ (biên lai số 0000123)", "Đường dây nóng: 0293 3876 543",
            "Giữ phiếu này để tra cứu và nhận kết quả",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
    }

    @Test func handOutDocument_carriesEverythingDomainSection5Asks() {
        // Given the sample hand-out slip
        let document = ReceiptSamples.handOut.document()
        let text = document.visibleText.joined(separator: "\n")

        // Then
        #expect(document.qrPayloads == [ReceiptSamples.dossierCode])
        for expected in [
            "PHIẾU TRẢ KẾT QUẢ", ReceiptSamples.dossierCode, "Thủ tục: Đăng ký thành lập hộ kinh doanh",
            "1. Giấy chứng nhận đăng ký hộ kinh doanh", "Người nhận: Nguyễn T** Thu Hà",
            "Xác thực: Mã nhận qua SMS và CCCD gắn chip", "Thời gian: 10 giờ 15, ngày 12/11/2025",
            "Ô tủ: B-07", "Máy: KVT01", "Mã giao dịch: TX-20251112-0042",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
    }

    @Test func appointment_withoutADate_onlyPromisesTheSMS() {
        var receipt = ReceiptSamples.handIn
        receipt.expectedAppointment = nil
        #expect(receipt.appointmentSentence == "Sẽ xác nhận qua SMS sau khi cán bộ tiếp nhận")
    }
}
