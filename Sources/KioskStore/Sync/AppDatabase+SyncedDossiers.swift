import Foundation
import GRDB

extension AppDatabase {
    /// The codes of the dossiers the store holds live from the manifest (a `dossier` row whose
    /// manifest entry is not withdrawn), in code order: what a completed pull must have left.
    /// Reads only.
    public func liveManifestDossierCodes() async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT manifest_dossier.code FROM manifest_dossier
                    JOIN dossier ON dossier.code = manifest_dossier.code
                    WHERE manifest_dossier.withdrawn = 0
                    ORDER BY manifest_dossier.code
                    """)
        }
    }
}
