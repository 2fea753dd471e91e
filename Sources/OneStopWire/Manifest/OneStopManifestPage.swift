/// One page of the manifest change feed (`GET …/ho-so-tra`).
public struct OneStopManifestPage: Codable, Sendable, Equatable {
    /// `ConTro`: the opaque cursor to send next time (store it only after storing the page).
    public var cursor: String
    /// `ConNua`: more changes are waiting; ask again at once with `cursor`.
    public var hasMore: Bool
    /// `DanhSach`: live dossiers in their latest state.
    public var dossiers: [OneStopManifestDossier]
    /// `DaXoa`: tombstones.
    public var tombstones: [OneStopTombstone]

    /// A page.
    public init(cursor: String, hasMore: Bool, dossiers: [OneStopManifestDossier], tombstones: [OneStopTombstone]) {
        self.cursor = cursor
        self.hasMore = hasMore
        self.dossiers = dossiers
        self.tombstones = tombstones
    }

    enum CodingKeys: String, CodingKey {
        case cursor = "ConTro"
        case hasMore = "ConNua"
        case dossiers = "DanhSach"
        case tombstones = "DaXoa"
    }
}
