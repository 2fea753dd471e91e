import Foundation
import KioskDomain
import KioskStore
import OneStopWire

/// A manifest page translated to what the store applies, with its paging summary.
public struct PulledManifestPage: Sendable, Equatable {
    /// Live dossiers and tombstones, in increasing version order.
    public var entries: [ManifestEntry]
    /// Paging.
    public var summary: PageSummary
}

/// Maps the backend's manifest page to store entries. Every rule the domain has is checked here;
/// one bad item makes the whole page malformed, so the store never holds half a page.
enum ManifestTranslation {
    static func page(_ page: OneStopManifestPage) -> Result<PulledManifestPage, BackendFailure> {
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(page.dossiers.count + page.tombstones.count)
        for (index, item) in page.dossiers.enumerated() {
            switch entry(item) {
            case .success(let entry): entries.append(entry)
            case .failure(let problem): return .failure(.malformed("DanhSach[\(index)]: \(problem)"))
            }
        }
        for (index, tombstone) in page.tombstones.enumerated() {
            guard let code = try? DossierCode(validating: tombstone.dossierCode) else {
                return .failure(.malformed("DaXoa[\(index)]: MaHoSo is not a dossier code"))
            }
            guard tombstone.changeNumber >= 0 else { return .failure(.malformed("DaXoa[\(index)]: negative PhienBan")) }
            entries.append(ManifestEntry(code: code, version: tombstone.changeNumber, content: .withdrawn))
        }
        entries.sort { $0.version < $1.version }
        let summary = PageSummary(nextCursor: page.cursor, hasMore: page.hasMore, entryCount: entries.count)
        return .success(PulledManifestPage(entries: entries, summary: summary))
    }

    /// One live dossier, or the first rule it breaks (named without the value).
    static func entry(_ item: OneStopManifestDossier) -> Result<ManifestEntry, TranslationProblem> {
        guard let code = try? DossierCode(validating: item.dossierCode) else { return .failure("MaHoSo is not a dossier code") }
        guard let procedure = ProcedureCode(item.procedureCode) else { return .failure("MaTTHC is not a procedure code") }
        guard let status = NationalStatus(rawValue: item.status.code) else { return .failure("TrangThaiHoSo out of range") }
        guard let size = SlotSize(rawValue: item.kiosk.slotSize.rawValue) else { return .failure("KichThuocO unknown") }
        guard item.kiosk.feesDue >= 0, item.kiosk.feesDue <= Int64(Int32.max) else { return .failure("PhiConNo out of range") }
        guard item.kiosk.changeNumber >= 0 else { return .failure("PhienBan negative") }
        let last4 = item.ownerIDLastFour
        let ownerLast4 = last4.count == 4 && last4.allSatisfy(\.isASCIIDigit) ? last4 : nil
        var pickupHash: SecretHash?
        if let wire = item.kiosk.pickupCodeHash {
            do throws(SecretHashError) {
                pickupHash = try SecretHash(encoded: wire.encoded)
            } catch {
                return .failure(TranslationProblem("MaNhan: \(error)"))
            }
        }
        let dossier: Dossier
        do {
            dossier = try Dossier(
                code: code, procedureCode: procedure, procedureName: item.procedureName, nationalStatus: status,
                ownerNameMasked: item.maskedOwnerName, ownerIdLast4: ownerLast4,
                phoneMasked: item.maskedPhoneNumber.isEmpty ? nil : item.maskedPhoneNumber,
                dueAt: item.appointmentAt, feeDue: Int(item.kiosk.feesDue), requiredSize: size,
                inPersonOnly: item.kiosk.inPersonReceiptRequired)
        } catch {
            return .failure(TranslationProblem("\(error)"))
        }
        let live = ManifestDossier(dossier: dossier, pickupCodeHash: pickupHash, holdUntil: item.kiosk.pickupDeadline)
        return .success(ManifestEntry(code: code, version: item.kiosk.changeNumber, content: .live(live)))
    }
}

/// Why one wire item cannot become a domain value; names the field, never the value.
struct TranslationProblem: Error, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    init(stringLiteral value: String) {
        self.description = value
    }
}

extension Character {
    /// `0`–`9` only.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
