import Foundation
@testable import KioskDomain

/// Shared test values: fixed times, ids, codes and slots. Builders throw instead of trapping on
/// a bad literal.
enum Fixture {
    struct InvalidLiteral: Error {
        let text: String
    }

    /// 2025-11-01T19:33:20Z, an arbitrary fixed instant.
    static let t0 = Date(timeIntervalSince1970: 1_762_025_600)
    /// One hour after `t0`: well inside any holding period.
    static let t1 = t0.addingTimeInterval(3_600)
    /// Eight days after `t0`: past the default 7-day holding period.
    static let lateTime = t0.addingTimeInterval(8 * 86_400)

    static func uuid(_ n: UInt8) -> UUID {
        UUID(uuid: (n, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n))
    }

    static func slotID(_ text: String) throws -> SlotID {
        guard let id = SlotID(text) else { throw InvalidLiteral(text: text) }
        return id
    }

    static func dossierCode(_ text: String = "000.28.21.H28-251107-0012") throws -> DossierCode {
        try DossierCode(validating: text)
    }

    static func procedureCode(_ text: String = "1.001612") throws -> ProcedureCode {
        guard let code = ProcedureCode(text) else { throw InvalidLiteral(text: text) }
        return code
    }

    static func dossier(feeDue: Int = 0, inPersonOnly: Bool = false) throws -> Dossier {
        try Dossier(
            code: dossierCode(), procedureCode: procedureCode(),
            procedureName: "Cấp giấy phép xây dựng", nationalStatus: .resultReady,
            ownerNameMasked: "Nguyễn T** Thu Hà", ownerIdLast4: "1234", phoneMasked: "09******78",
            dueAt: t0, feeDue: feeDue, requiredSize: .small, inPersonOnly: inPersonOnly)
    }

    static func slot(
        _ label: String, _ size: SlotSize, heightMm: Int = 800, wear: Int = 0,
        state: SlotState = .free, occupant: SlotOccupant = .none, enabled: Bool = true
    ) throws -> Slot {
        try Slot(
            restoring: slotID(label), size: size, doorHeightMm: heightMm, enabled: enabled,
            state: state, occupant: occupant, wearCount: wear)
    }
}

extension Array where Element == FlowAction {
    /// The journal kinds in these actions, in order.
    var journalKinds: [String] {
        compactMap { action in
            if case .journal(let kind, _) = action { return kind }
            return nil
        }
    }
}
