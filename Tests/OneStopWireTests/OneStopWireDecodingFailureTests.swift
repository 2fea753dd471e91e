import Foundation
import OneStopWire
import Testing

/// Wrong types, missing members and bad values are refused, never silently defaulted.
@Suite struct OneStopWireDecodingFailureTests {
    typealias S = OneStopWireSamples

    /// The golden JSON with `old` replaced by `new` (exactly once).
    func mutated(_ json: String, _ old: String, _ new: String) throws -> Data {
        #expect(json.components(separatedBy: old).count == 2, "\(old) must occur once")
        return Data(json.replacingOccurrences(of: old, with: new).utf8)
    }

    func expectFailure<T: Decodable>(_ type: T.Type, _ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: DecodingError.self, sourceLocation: sourceLocation) { try OneStopJSON.decode(type, from: data) }
    }

    @Test func manifestRefusesWrongTypes() throws {
        let json = S.manifestPageJSON
        for (old, new) in [
            (#""ConNua":false"#, #""ConNua":"false""#),
            (#""TrangThaiHoSo":"9""#, #""TrangThaiHoSo":9"#),
            (#""TrangThaiHoSo":"9""#, #""TrangThaiHoSo":"11""#),
            (#""TrangThaiHoSo":"9""#, #""TrangThaiHoSo":"09""#),
            (#""Gia":100000"#, #""Gia":"100000""#),
            (#""Gia":100000"#, #""Gia":100000.5"#),
            (#""KichThuocO":"S""#, #""KichThuocO":"XL""#),
            (#""PhienBan":18842"#, #""PhienBan":null"#),
            (#""NgayHenTra":"2025-11-12T17:00:00.000+07:00""#, #""NgayHenTra":"20251112170000""#),
            (#""SoVongLap":210000"#, #""SoVongLap":"210000""#),
        ] {
            expectFailure(OneStopManifestPage.self, try mutated(json, old, new))
        }
    }

    @Test func manifestRefusesMissingRequiredMembers() throws {
        for old in [#""ConTro":"c18842","#, #""MaTTHC":"1.001612","#, #""PhuongThucXacThuc":["QR_OTP","MAHOSO_OTP"],"#] {
            expectFailure(OneStopManifestPage.self, try mutated(S.manifestPageJSON, old, ""))
        }
        // Optional members may be absent.
        let withoutHash = try mutated(
            S.manifestPageJSON,
            #""MaNhan":{"GiaTriBam":"ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=","Muoi":"AAECAwQFBgcICQoLDA0ODw==","SoVongLap":210000,"ThuatToan":"pbkdf2-sha256"},"#,
            "")
        let page = try OneStopJSON.decode(OneStopManifestPage.self, from: withoutHash)
        #expect(page.dossiers[0].kiosk.pickupCodeHash == nil)
    }

    @Test func eventBatchRefusesBadIdsKindsAndSequences() throws {
        let json = S.eventBatchJSON
        for (old, new) in [
            (#""MaSuKien":"0193F1C2-5D7E-7A11-9C2E-3F1A2B4C5D6E""#, #""MaSuKien":"not-a-uuid""#),
            (#""LoaiSuKien":"TRA_KET_QUA""#, #""LoaiSuKien":"tra_ket_qua""#),
            (#""SoThuTu":18843"#, #""SoThuTu":"18843""#),
            (#""ThoiDiem":"2025-11-12T21:47:05.000+07:00""#, #""ThoiDiem":"2025-11-12T21:47:05""#),
            (#""SuKien":["#, #""SuKien":{"x":["#),
        ] {
            expectFailure(OneStopEventBatch.self, try mutated(json, old, new))
        }
        expectFailure(OneStopEventBatch.self, try mutated(json, #","SoThuTu":18843"#, ""))
    }

    @Test func truncatedAndNonJSONBodiesAreRefused() throws {
        let json = Data(S.eventBatchJSON.utf8)
        expectFailure(OneStopEventBatch.self, json.prefix(json.count / 2))
        expectFailure(OneStopEventBatch.self, Data([0xFF, 0xFE, 0x7B]))
        expectFailure(OneStopEventBatch.self, Data())
    }

    @Test func typedDetailsRefuseMissingMembers() throws {
        let event = OneStopEvent(
            id: S.eventID, seq: 1, kind: .resultLoaded, occurredAt: S.date("2025-11-12T21:47:05Z"),
            dossierCode: "X", details: .object(["KichThuocO": .string("S")]))
        #expect(throws: DecodingError.self) { try event.details(as: OneStopResultLoaded.self) }
    }

    @Test func statusValuesAreExactlyOneToTen() {
        #expect((1...10).allSatisfy { OneStopDossierStatus(code: $0)?.rawValue == String($0) })
        for text in ["0", "11", " 9", "+9", "9.0", ""] {
            #expect(OneStopDossierStatus(rawValue: text) == nil, "\(text)")
        }
    }
}
