import Foundation
import KioskDomain

/// Why a stored row cannot become a domain value: the row breaks a rule the schema cannot express.
public struct StoredRowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table.
    public let table: String
    /// The row's key.
    public let key: String
    /// The rule it breaks.
    public let reason: String

    public var description: String { "\(table) row \(key) is inconsistent: \(reason)" }
}

extension DossierRecord {
    /// The row for `dossier`, with the owner's salted ID hash when known.
    public init(_ dossier: Dossier, ownerIdHash: String? = nil, updatedAt: Date) {
        self.init(
            code: dossier.code, procedureCode: dossier.procedureCode, procedureName: dossier.procedureName,
            nationalStatus: dossier.nationalStatus, ownerNameMasked: dossier.ownerNameMasked,
            ownerIdLast4: dossier.ownerIdLast4, ownerIdHash: ownerIdHash, phoneMasked: dossier.phoneMasked,
            dueAt: dossier.dueAt, feeDue: dossier.feeDue, requiredSize: dossier.requiredSize,
            inPersonOnly: dossier.inPersonOnly, updatedAt: updatedAt)
    }

    /// The domain view of this row.
    /// - Throws: `StoredRowError` when the row breaks a domain rule.
    public func domainValue() throws(StoredRowError) -> Dossier {
        do {
            return try Dossier(
                code: code, procedureCode: procedureCode, procedureName: procedureName, nationalStatus: nationalStatus,
                ownerNameMasked: ownerNameMasked, ownerIdLast4: ownerIdLast4, phoneMasked: phoneMasked, dueAt: dueAt,
                feeDue: feeDue, requiredSize: requiredSize, inPersonOnly: inPersonOnly)
        } catch {
            throw StoredRowError(table: Self.databaseTableName, key: code.rawValue, reason: "\(error)")
        }
    }
}

extension SlotRecord {
    /// The row for `slot`.
    public init(_ slot: Slot, updatedAt: Date) {
        self.init(id: slot.id, size: slot.size, doorHeightMm: slot.doorHeightMm, updatedAt: updatedAt)
        enabled = slot.enabled
        state = slot.state
        wearCount = slot.wearCount
        switch slot.occupant {
        case .none: break
        case .handOut(let id): handOutId = id
        case .handIn(let id): handInId = id
        }
    }

    /// The domain view of this row.
    /// - Throws: `StoredRowError` when the row breaks a slot rule.
    public func domainValue() throws(StoredRowError) -> Slot {
        let occupant: SlotOccupant = handOutId.map { .handOut($0) } ?? handInId.map { .handIn($0) } ?? .none
        do {
            return try Slot(
                restoring: id, size: size, doorHeightMm: doorHeightMm, enabled: enabled, state: state,
                occupant: occupant, wearCount: wearCount)
        } catch {
            throw StoredRowError(table: Self.databaseTableName, key: id.rawValue, reason: "\(error)")
        }
    }
}

extension HandOutRecord {
    /// The row for `handOut`, keeping what the domain value does not carry (the pickup code's
    /// hash and the creation time).
    public init(_ handOut: HandOut, pickupCodeHash: String?, createdAt: Date, updatedAt: Date) {
        self.init(id: handOut.id, dossierCode: handOut.dossierCode, createdAt: createdAt)
        state = handOut.state
        slotId = handOut.slot
        feeDue = handOut.feeDue
        incidentCause = handOut.incidentCause
        self.pickupCodeHash = pickupCodeHash
        wrongAttempts = handOut.wrongAttempts
        lockedForStaff = handOut.lockedForStaff
        loadedAt = handOut.loadedAt
        holdUntil = handOut.holdUntil
        handedOutAt = handOut.handedOutAt
        self.updatedAt = updatedAt
    }

    /// The domain value of this row under the kiosk's current policies.
    public func domainValue(
        inPersonOnly: Bool, holdingPolicy: HoldingPolicy, attemptPolicy: PickupAttemptPolicy
    ) -> HandOut {
        HandOut(
            restoring: id, dossierCode: dossierCode, inPersonOnly: inPersonOnly, holdingPolicy: holdingPolicy,
            attemptPolicy: attemptPolicy, state: state, slot: slotId, feeDue: feeDue, wrongAttempts: wrongAttempts,
            lockedForStaff: lockedForStaff, loadedAt: loadedAt, holdUntil: holdUntil, handedOutAt: handedOutAt,
            incidentCause: incidentCause)
    }
}

extension HandInRecord {
    /// Copies the machine's state of `handIn` into this row, keeping the submitter and papers.
    public mutating func update(from handIn: HandIn) {
        state = handIn.state
        slotId = handIn.slot
        emptyCloses = handIn.emptyCloses
        droppedAt = handIn.droppedAt
        collectedAt = handIn.collectedAt
        incidentCause = handIn.incidentCause
    }

    /// The domain value of this row.
    public func domainValue() -> HandIn {
        HandIn(
            restoring: id, procedureCode: procedureCode, requiredSize: requiredSize, state: state, slot: slotId,
            emptyCloses: emptyCloses, droppedAt: droppedAt, collectedAt: collectedAt, incidentCause: incidentCause)
    }
}

extension PaymentRequestRecord {
    /// The row for `request`.
    public init(_ request: PaymentRequest, qrPayload: String?, createdAt: Date) {
        self.init(
            id: request.id, dossierCode: request.dossierCode, amount: request.amount, reference: request.reference,
            expiresAt: request.expiresAt, createdAt: createdAt)
        self.qrPayload = qrPayload
        state = request.state
        paidAt = request.paidAt
        refundedAt = request.refundedAt
    }

    /// The domain value of this row.
    /// - Throws: `StoredRowError` when the row breaks a payment rule.
    public func domainValue() throws(StoredRowError) -> PaymentRequest {
        do {
            return try PaymentRequest(
                restoring: id, dossierCode: dossierCode, amount: amount, reference: reference, expiresAt: expiresAt,
                state: state, paidAt: paidAt, refundedAt: refundedAt)
        } catch {
            throw StoredRowError(table: Self.databaseTableName, key: id.uuidString.lowercased(), reason: "\(error)")
        }
    }
}
