import Foundation
import KioskDomain
import KioskStore
import OneStopWire

/// Maps the backend's procedure catalogue and staff directory to store rows.
enum DirectoryTranslation {
    static func catalogue(_ wire: OneStopProcedureCatalogue) -> Result<(version: Int64, procedures: [CatalogueProcedure]), BackendFailure> {
        guard wire.version >= 0 else { return .failure(.malformed("PhienBan negative")) }
        var procedures: [CatalogueProcedure] = []
        for (index, item) in wire.procedures.enumerated() {
            guard let code = ProcedureCode(item.code) else {
                return .failure(.malformed("DanhSach[\(index)]: MaTTHC is not a procedure code"))
            }
            guard !item.name.trimmingWhitespace().isEmpty, let size = SlotSize(rawValue: item.slotSize.rawValue) else {
                return .failure(.malformed("DanhSach[\(index)]: blank TenTTHC or unknown KichThuocO"))
            }
            let fee = item.typicalFee ?? 0
            guard fee >= 0, fee <= Int64(Int32.max) else { return .failure(.malformed("DanhSach[\(index)]: LePhi out of range")) }
            procedures.append(CatalogueProcedure(
                code: code, name: item.name, field: item.fieldName, acceptsHandIn: true,
                returnsResult: item.kioskReturn != .never, inPersonOnly: item.kioskReturn == .never,
                defaultSize: size, feeVND: Int(fee), catalogueVersion: wire.version))
        }
        return .success((wire.version, procedures))
    }

    static func staff(_ wire: OneStopStaffDirectory) -> Result<(version: Int64, staff: [StaffDirectoryEntry]), BackendFailure> {
        guard wire.version >= 0 else { return .failure(.malformed("PhienBan negative")) }
        var staff: [StaffDirectoryEntry] = []
        for (index, member) in wire.members.enumerated() {
            let roles = Set(member.roles.map { role -> StaffRole in
                switch role {
                case .staff: .staff
                case .technician: .technician
                case .admin: .admin
                }
            })
            let id = member.id.trimmingWhitespace()
            guard !id.isEmpty, id.utf8.count <= 64, !roles.isEmpty else {
                return .failure(.malformed("DanhSach[\(index)]: blank MaCanBo or no VaiTro"))
            }
            let hash: SecretHash
            do throws(SecretHashError) {
                hash = try SecretHash(encoded: member.pinHash.encoded)
            } catch {
                return .failure(.malformed("DanhSach[\(index)].MaPIN: \(error)"))
            }
            staff.append(StaffDirectoryEntry(id: id, displayName: member.name, pinHash: hash, roles: roles, active: member.active))
        }
        return .success((wire.version, staff))
    }
}
