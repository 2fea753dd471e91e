/// Why a manifest entry cannot become a `Dossier`.
public enum DossierError: Error, Equatable, Sendable {
    /// The fee still due was negative (whole VND; must be ≥ 0).
    case negativeFee(Int)
    /// The owner's ID suffix was not exactly four ASCII digits.
    case invalidIdLast4
    /// The procedure name was empty or only white space.
    case blankProcedureName
}
