import Foundation
import KioskDomain
import Testing
@testable import KioskStore

/// The read-only views technicians and the sync benchmark use to see the whole outbox and what
/// the manifest left in the store.
@Suite struct StoreReadTests {
    @Test func outboxEvents_listEveryEventWhateverItsState_inPagesBySequence() async throws {
        try await withDatabase { database throws in
            // Given five events, the first two acknowledged and the third sent
            var ids: [UUID] = []
            for index in 1...5 {
                let change = try await database.commit(
                    JournalDraft(kind: "k", subject: "s", actor: "system"),
                    event: try OutboxDraft(kind: .incident, dossierCode: nil, details: ["n": "\(index)"]), at: Fixture.now) { _ in }
                ids.append(try #require(change.eventID))
            }
            try await database.markSent([1, 2, 3], at: Fixture.now)
            try await database.acknowledge([ids[0], ids[1]], at: Fixture.now)
            // When the outbox is read in pages of two
            let first = try await database.outboxEvents(limit: 2)
            let second = try await database.outboxEvents(after: try #require(first.last?.seq), limit: 2)
            let third = try await database.outboxEvents(after: try #require(second.last?.seq), limit: 2)
            let rest = try await database.outboxEvents(after: 5)
            // Then every event comes once, in sequence order, with its id and state
            let all = first + second + third
            #expect(all.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(all.map(\.eventId) == ids)
            #expect(all.map(\.state) == [.acknowledged, .acknowledged, .sent, .created, .created])
            #expect(rest.isEmpty)
        }
    }

    @Test func liveManifestDossierCodes_listTheLiveDossiers_butNotTheWithdrawn() async throws {
        try await withDatabase { database throws in
            // Given a page of three dossiers, then the second withdrawn
            let codes = ["000.28.21.H28-251107-0013", "000.28.21.H28-251107-0012", "000.28.21.H28-251107-0014"]
            try await database.applyManifestPage(
                try codes.map { try SyncStoreTests.live($0, version: 1) }, cursor: "c1", at: Fixture.now)
            try await database.applyManifestPage(
                [ManifestEntry(code: try Fixture.code(codes[1]), version: 2, content: .withdrawn)], cursor: "c2",
                at: Fixture.now)
            // Then the live ones are listed in code order
            #expect(try await database.liveManifestDossierCodes() == [codes[0], codes[2]])
        }
    }
}
