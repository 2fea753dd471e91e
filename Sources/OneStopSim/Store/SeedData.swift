import Foundation
import OneStopWire

/// The seed files of `data/seed/` as they are written (national field names, `yyyyMMddHHmmss`).
struct SeedDossierFile: Decodable {
    struct Proxy: Decodable {
        var HoTen: String
        var SoGiayTo: String
    }

    struct Dossier: Decodable {
        var MaHoSo: String
        var MaTTHC: String
        var ChuHoSo: String
        var SoGiayToChuHoSo: String
        var SoDienThoai: String
        var NgayTiepNhan: String
        var NgayHenTra: String
        var TrangThaiHoSo: String
        var PhiConNo: Int64
        var HinhThucThu: String?
        var UyQuyen: Proxy?
    }

    var HoSo: [Dossier]
}

/// `procedures.json` of `data/seed/`.
struct SeedProcedureFile: Decodable {
    struct Procedure: Decodable {
        var TenLinhVuc: String
        var MaTTHC: String
        var TenTTHC: String
        var CapThucHien: String
        var ThoiHanGiaiQuyet: String
        var LePhiThuongGap: Int64?
        var KetQua: String
        var TraQuaKiosk: String
        var KichThuocO: String
    }

    var ThuTuc: [Procedure]
}

/// Reads the seed files, naming the file and the problem on failure.
enum SeedReader {
    /// Decodes `path` as `T`.
    /// - Throws: `OneStopSimError.seed` when the file cannot be read or does not have the seed shape.
    static func read<T: Decodable>(_ type: T.Type, path: String) throws(OneStopSimError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .seed("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .seed("\(path) is not a seed file: \(error)")
        }
    }

    /// `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (the national wire form) as a date.
    /// - Throws: `OneStopSimError.seed` naming the text.
    static func nationalDate(_ text: String) throws(OneStopSimError) -> Date {
        let digits = Array(text.utf8)
        guard digits.count == 14, digits.allSatisfy({ (48...57).contains($0) }) else {
            throw .seed("'\(text)' is not yyyyMMddHHmmss")
        }
        func part(_ start: Int, _ length: Int) -> String { String(decoding: digits[start..<start + length], as: UTF8.self) }
        let iso = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2)):\(part(12, 2))+07:00"
        guard let date = OneStopDateFormat.date(from: iso) else { throw .seed("'\(text)' is not a valid date") }
        return date
    }
}
