import OneStopWire

/// The manifest cursor: opaque to kiosks, `m1.<change number>` inside the simulator.
enum ManifestCursor {
    static let prefix = "m1."

    static let invalid = OneStopProblem(
        code: .cursorInvalid, title: "Invalid cursor", status: 400,
        detail: "the cursor was not issued by this backend; start again without one")

    /// The change number after which the page starts; 0 without a cursor.
    /// - Throws: `OneStopProblem` `cursor-invalid`.
    static func changeNumber(_ cursor: String?) throws(OneStopProblem) -> Int64 {
        guard let cursor else { return 0 }
        guard cursor.hasPrefix(prefix), let value = Int64(cursor.dropFirst(prefix.count)), value >= 0,
            String(value) == cursor.dropFirst(prefix.count)
        else { throw invalid }
        return value
    }

    /// The cursor for a change number.
    static func text(_ changeNumber: Int64) -> String { prefix + String(changeNumber) }
}
