import Foundation
import OneStopWire
import Testing

/// Every schema encodes to exactly the contract's member names, and the golden JSON decodes back
/// to the same value.
@Suite struct OneStopWireGoldenTests {
    typealias S = OneStopWireSamples

    func expectGolden<T: Codable & Equatable>(_ value: T, _ golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoded = try #require(String(data: try OneStopJSON.encode(value), encoding: .utf8))
        #expect(encoded == golden, sourceLocation: sourceLocation)
        let decoded = try OneStopJSON.decode(T.self, from: Data(golden.utf8))
        #expect(decoded == value, sourceLocation: sourceLocation)
    }

    @Test func manifestPageUsesTheNationalAndKioskNames() throws {
        try expectGolden(S.manifestPage, S.manifestPageJSON)
    }

    @Test func eventBatchUsesTheOutboxNames() throws {
        try expectGolden(try S.eventBatch(), S.eventBatchJSON)
    }

    @Test func eventBatchResultListsAcceptedRejectedAndLastSequence() throws {
        try expectGolden(S.batchResult, S.batchResultJSON)
    }

    @Test func eventDetailsDecodeAsTheirTypedForm() throws {
        let batch = try OneStopJSON.decode(OneStopEventBatch.self, from: Data(S.eventBatchJSON.utf8))
        let details = try batch.events[0].details(as: OneStopResultHandedOut.self)
        #expect(details == OneStopResultHandedOut(slot: "B-07", authenticationMethod: .receiptQRAndPickupCode))
        let loaded = OneStopResultLoaded(slot: "A-01", slotSize: .large, pickupDeadline: S.date("2025-11-19T23:59:59Z"))
        try expectGolden(loaded, #"{"HanNhan":"2025-11-20T06:59:59.000+07:00","KichThuocO":"L","MaO":"A-01"}"#)
        let handedIn = OneStopDossierHandedIn(
            procedureCode: "1.001193", ownerName: "Lê Văn A", phoneNumber: "0912345678", ownerIDLastFour: "1234",
            slot: "C-02", declaredPapers: ["Tờ khai"])
        try expectGolden(
            handedIn,
            #"{"ChuHoSo":"Lê Văn A","DanhSachGiayTo":["Tờ khai"],"MaO":"C-02","MaTTHC":"1.001193","SoDienThoai":"0912345678","SoGiayToCuoi":"1234"}"#
        )
    }

    @Test func lookupQueryAndResult() throws {
        try expectGolden(
            OneStopStatusQuery(dossierCode: "000.28.21.H28-251107-0012", ownerIDLastFour: "4821"),
            #"{"MaHoSo":"000.28.21.H28-251107-0012","SoGiayToCuoi":"4821"}"#)
        let result = OneStopStatusResult(
            dossierCode: "X-1", procedureCode: "1.001612", procedureName: "Thủ tục", status: .resultReturned,
            statusLabel: "Đã trả kết quả", receivedAt: S.date("2025-11-07T09:15:30+07:00"),
            appointmentAt: S.date("2025-11-12T17:00:00+07:00"), returnedAt: S.date("2025-11-12T21:47:05+07:00"),
            feesDue: 0, collectionPlace: "ATM hồ sơ KVT01")
        try expectGolden(
            result,
            #"{"MaHoSo":"X-1","MaTTHC":"1.001612","NgayHenTra":"2025-11-12T17:00:00.000+07:00","NgayTiepNhan":"2025-11-07T09:15:30.000+07:00","NgayTra":"2025-11-12T21:47:05.000+07:00","NoiNhanKetQua":"ATM hồ sơ KVT01","PhiConNo":0,"TenTTHC":"Thủ tục","TenTrangThai":"Đã trả kết quả","TrangThaiHoSo":"10"}"#
        )
    }

    @Test func catalogueAndStaffDirectory() throws {
        let catalogue = OneStopProcedureCatalogue(
            version: 3,
            procedures: [
                OneStopProcedure(
                    code: "1.001193", name: "Đăng ký khai sinh", fieldName: "Hộ tịch", level: "Xã",
                    timeLimit: "trong ngày", typicalFee: nil, result: "Giấy khai sinh", kioskReturn: .allowed,
                    slotSize: .small)
            ])
        try expectGolden(
            catalogue,
            #"{"DanhSach":[{"CapThucHien":"Xã","KetQua":"Giấy khai sinh","KichThuocO":"S","MaTTHC":"1.001193","TenLinhVuc":"Hộ tịch","TenTTHC":"Đăng ký khai sinh","ThoiHanGiaiQuyet":"trong ngày","TraQuaKiosk":"CO"}],"PhienBan":3}"#
        )
        let directory = OneStopStaffDirectory(
            version: 1,
            members: [
                OneStopStaffMember(id: "CB01", name: "Trần Thị B", roles: [.staff, .admin], pinHash: S.pickupHash, active: true)
            ])
        try expectGolden(
            directory,
            #"{"DanhSach":[{"HoTen":"Trần Thị B","HoatDong":true,"MaCanBo":"CB01","MaPIN":{"GiaTriBam":"ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=","Muoi":"AAECAwQFBgcICQoLDA0ODw==","SoVongLap":210000,"ThuatToan":"pbkdf2-sha256"},"VaiTro":["CAN_BO_MOT_CUA","QUAN_TRI"]}],"PhienBan":1}"#
        )
    }

    @Test func paymentOrderAndPayment() throws {
        try expectGolden(OneStopPaymentOrder(dossierCode: "X-1"), #"{"HinhThuc":"VIETQR","MaHoSo":"X-1"}"#)
        let payment = OneStopPayment(
            id: "TT1", dossierCode: "X-1", amount: 100_000, qrPayload: "000201", reference: "LEPHI 1",
            expiresAt: S.date("2025-11-12T22:00:00+07:00"), state: .paid, paidAt: S.date("2025-11-12T21:50:00+07:00"))
        try expectGolden(
            payment,
            #"{"HetHan":"2025-11-12T22:00:00.000+07:00","MaHoSo":"X-1","MaThamChieu":"LEPHI 1","MaYeuCau":"TT1","NoiDungQR":"000201","SoTien":100000,"ThoiDiemThanhToan":"2025-11-12T21:50:00.000+07:00","TrangThai":"DA_THANH_TOAN"}"#
        )
    }

    @Test func heartbeatAndReply() throws {
        let heartbeat = OneStopHeartbeat(
            kioskTime: S.date("2025-11-12T21:47:05+07:00"), softwareVersion: "1.2.0", outboxDepth: 4,
            lastAcknowledgedSeq: 18840,
            devices: [OneStopDeviceHealth(deviceID: "printer", deviceClass: "receiptPrinter", state: .userError, detail: "paper out")])
        try expectGolden(
            heartbeat,
            #"{"PhienBanPhanMem":"1.2.0","SoSuKienChoGui":4,"SoThuTuDaXacNhan":18840,"ThietBi":[{"ChiTiet":"paper out","LoaiThietBi":"receiptPrinter","MaThietBi":"printer","TrangThai":"userError"}],"ThoiDiemKiosk":"2025-11-12T21:47:05.000+07:00"}"#
        )
        let reply = OneStopHeartbeatReply(
            serverTime: S.date("2025-11-12T21:47:06.250+07:00"), clockOffsetMilliseconds: 1250, lastConsumedSeq: 18843,
            catalogueVersion: 3, staffDirectoryVersion: 1)
        try expectGolden(
            reply,
            #"{"DoLechDongHoMs":1250,"PhienBanDanhBaCanBo":1,"PhienBanDanhMucThuTuc":3,"SoThuTuCuoi":18843,"ThoiDiemMayChu":"2025-11-12T21:47:06.250+07:00"}"#
        )
    }

    @Test func problemUsesTheRFC9457Members() throws {
        let problem = OneStopProblem(code: .cursorInvalid, title: "Invalid cursor", status: 400, detail: "x")
        try expectGolden(
            problem,
            #"{"code":"cursor-invalid","detail":"x","status":400,"title":"Invalid cursor","type":"urn:dossierkiosk:problem:cursor-invalid"}"#
        )
        #expect(problem.knownCode == .cursorInvalid)
    }

    @Test func secretHashSplitsAndJoinsItsOneLineForm() throws {
        let hash = try #require(OneStopSecretHash(encoded: S.pickupHash.encoded))
        #expect(hash == S.pickupHash)
        #expect(S.pickupHash.encoded.hasPrefix("pbkdf2-sha256$210000$AAEC"))
        #expect(OneStopSecretHash(encoded: "pbkdf2-sha256$x$a$b") == nil)
        #expect(OneStopSecretHash(encoded: "pbkdf2-sha256$1000$a") == nil)
    }
}

/// Absent optional members are left out, never written as `null`, and read back as absent.
@Suite struct OneStopWireOptionalMemberTests {
    @Test func absentOptionalsAreOmittedAndRoundTrip() throws {
        let details = OneStopKioskDetails(
            slotSize: .medium, authenticationMethods: [.phoneLastFour], inPersonReceiptRequired: true, feesDue: 0,
            changeNumber: 1)
        let json = try #require(String(data: try OneStopJSON.encode(details), encoding: .utf8))
        #expect(json == #"{"KichThuocO":"M","PhiConNo":0,"PhienBan":1,"PhuongThucXacThuc":["SDT_CUOI"],"YeuCauNhanChinhChu":true}"#)
        #expect(try OneStopJSON.decode(OneStopKioskDetails.self, from: Data(json.utf8)) == details)

        let payment = OneStopPayment(
            id: "TT1", dossierCode: "X", amount: 1, qrPayload: "q", reference: "r",
            expiresAt: Date(timeIntervalSince1970: 1_800_000_000), state: .expired)
        let encoded = try OneStopJSON.encode(payment)
        #expect(!String(decoding: encoded, as: UTF8.self).contains("null"))
        #expect(try OneStopJSON.decode(OneStopPayment.self, from: encoded) == payment)
        #expect(OneStopPayment.State.expired.isFinal && !OneStopPayment.State.waiting.isFinal)
    }

    @Test func eventKindsAreExactlyTheContractsNine() {
        #expect(OneStopEventKind.allCases.map(\.rawValue) == [
            "NAP_KET_QUA", "TRA_KET_QUA", "NOP_HO_SO", "THU_GOM", "THU_HOI", "THANH_TOAN", "SU_CO",
            "CUA_MO_BAT_THUONG", "DANG_NHAP_CAN_BO",
        ])
        #expect(OneStopEventKind.allCases.filter(\.requiresDossierCode).count == 5)
    }
}
