import Foundation
import OneStopWire
import GRDB
import KioskDomain

extension SimDatabase {
    /// Loads the seed files once, into a database that was never seeded.
    /// - Throws: `OneStopSimError.seed` for a bad file or a dossier with a malformed field.
    func seedIfNew(dossiersPath: String?, proceduresPath: String?) throws {
        let procedures = try proceduresPath.map { path throws(OneStopSimError) in
            try SeedReader.read(SeedProcedureFile.self, path: path).ThuTuc
        }
        let dossiers = try dossiersPath.map { path throws(OneStopSimError) in
            try SeedReader.read(SeedDossierFile.self, path: path).HoSo
        }
        try queue.write { db in
            guard try db.meta("seeded") == 0 else { return }
            for procedure in procedures ?? [] {
                try insert(procedure, db)
            }
            for dossier in dossiers ?? [] {
                try insert(dossier, db)
            }
            try db.setMeta("seeded", 1)
        }
    }

    private func insert(_ procedure: SeedProcedureFile.Procedure, _ db: Database) throws {
        let kioskReturn: String
        switch procedure.TraQuaKiosk {
        case "yes": kioskReturn = "CO"
        case "no": kioskReturn = "KHONG"
        case "conditional": kioskReturn = "CO_DIEU_KIEN"
        default: throw OneStopSimError.seed("procedure \(procedure.MaTTHC): TraQuaKiosk '\(procedure.TraQuaKiosk)'")
        }
        guard ["S", "M", "L"].contains(procedure.KichThuocO) else {
            throw OneStopSimError.seed("procedure \(procedure.MaTTHC): KichThuocO '\(procedure.KichThuocO)'")
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO procedure (code, name, field_name, level, time_limit, typical_fee, result,
                    kiosk_return, slot_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                procedure.MaTTHC, procedure.TenTTHC, procedure.TenLinhVuc, procedure.CapThucHien,
                procedure.ThoiHanGiaiQuyet, procedure.LePhiThuongGap, procedure.KetQua, kioskReturn,
                procedure.KichThuocO,
            ])
    }

    private func insert(_ dossier: SeedDossierFile.Dossier, _ db: Database) throws {
        let code = dossier.MaHoSo.trimmingCharacters(in: .whitespaces).uppercased()
        guard let status = Int(dossier.TrangThaiHoSo), (1...10).contains(status) else {
            throw OneStopSimError.seed("dossier \(code): TrangThaiHoSo '\(dossier.TrangThaiHoSo)'")
        }
        guard let maskedID = PersonalDataMasking.maskedIDNumber(dossier.SoGiayToChuHoSo) else {
            throw OneStopSimError.seed("dossier \(code): SoGiayToChuHoSo is not a 12- or 9-digit ID number")
        }
        let timing = dossier.HinhThucThu == "Thu trước" ? "THU_TRUOC" : (dossier.PhiConNo > 0 ? "THU_SAU" : "MIEN")
        try db.execute(
            sql: """
                INSERT INTO dossier (code, procedure_code, owner_name, owner_id_masked, owner_id_last4, phone,
                    received_at, appointment_at, status, fee_amount, fee_due, fee_timing, proxy_name, proxy_id_masked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                code, dossier.MaTTHC, dossier.ChuHoSo, maskedID, String(maskedID.suffix(4)), dossier.SoDienThoai,
                OneStopDateFormat.string(from: try SeedReader.nationalDate(dossier.NgayTiepNhan)),
                OneStopDateFormat.string(from: try SeedReader.nationalDate(dossier.NgayHenTra)), status,
                dossier.PhiConNo, dossier.PhiConNo, timing, dossier.UyQuyen.map { PersonalDataMasking.maskedName($0.HoTen) },
                dossier.UyQuyen.flatMap { PersonalDataMasking.maskedIDNumber($0.SoGiayTo) },
            ])
        try refreshFeed(code: code, db)
    }

    /// Puts a dossier into the manifest feed (status 9 and returnable through kiosks), or takes it
    /// out with `reason` when it was in; gives it a new change number whenever it is or was in the feed.
    func refreshFeed(code: String, tombstoneReason: String? = nil, _ db: Database) throws {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT d.status, d.feed_state, p.kiosk_return FROM dossier d
                LEFT JOIN procedure p ON p.code = d.procedure_code WHERE d.code = ?
                """, arguments: [code])
        else { return }
        let status: Int = row["status"]
        let feedState: String = row["feed_state"]
        let kioskReturn: String? = row["kiosk_return"]
        let eligible = status == 9 && kioskReturn != "KHONG" && tombstoneReason == nil
        if eligible {
            try db.execute(
                sql: "UPDATE dossier SET feed_state = 'live', tombstone_reason = NULL, change_number = ? WHERE code = ?",
                arguments: [try db.nextChangeNumber(), code])
        } else if feedState == "live" {
            let reason = tombstoneReason ?? (status == 10 ? "DA_TRA" : status == 7 ? "RUT_HO_SO" : "KHAC")
            try db.execute(
                sql: "UPDATE dossier SET feed_state = 'gone', tombstone_reason = ?, change_number = ? WHERE code = ?",
                arguments: [reason, try db.nextChangeNumber(), code])
        }
    }
}
