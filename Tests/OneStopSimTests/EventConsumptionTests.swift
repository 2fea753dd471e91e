import Foundation
import KioskDomain
import OneStopSim
import OneStopWire
import Testing

@Suite struct EventConsumptionTests {
    static let plain = "000.28.21.H28-251110-0003"
    static let proxy = "000.28.21.H28-251112-0021"

    @Test func theSameBatchTwiceIsAppliedOnceAndAcknowledgedTwice() async throws {
        try await SimHarness.run { sim in
            let batch = [try Events.loaded(1, Self.plain), Events.incident(2)]
            let first = try await sim.send(batch)
            let second = try await sim.send(batch)
            for result in [first, second] {
                #expect(result.accepted == batch.map(\.id))
                #expect(result.rejected.isEmpty)
                #expect(result.lastConsumedSeq == 2)
            }
            let log = try await sim.control([EventLogEntry].self, .GET, "kiosks/\(SimHarness.kiosk)/events")
            #expect(log.map(\.seq) == [1, 2])
            #expect(log.map(\.outcome) == ["accepted", "accepted"])
            let sms = try await sim.control([SMSRecord].self, .GET, "sms")
            #expect(sms.count == 1)
        }
    }

    @Test func aGapIsRefusedAsRetryableAndAnUnsortedBatchIsConsumedInOrder() async throws {
        try await SimHarness.run { sim in
            let one = Events.incident(1)
            let two = Events.incident(2)
            let three = Events.incident(3)
            let early = try await sim.send([two, three])
            #expect(early.accepted.isEmpty)
            #expect(early.rejected.map(\.reason) == [.sequenceGap, .sequenceGap])
            #expect(early.rejected.allSatisfy { $0.retryable })
            #expect(early.lastConsumedSeq == 0)

            let unsorted = try await sim.send([three, one, two])
            #expect(unsorted.accepted == [one.id, two.id, three.id])
            #expect(unsorted.lastConsumedSeq == 3)

            // Another event claiming a consumed number, and a known id under another number.
            let impostor = Events.incident(2)
            var moved = one
            moved.seq = 4
            let conflicts = try await sim.send([impostor, moved])
            #expect(conflicts.rejected.map(\.reason) == [.sequenceConflict, .sequenceConflict])
            #expect(!conflicts.rejected.contains { $0.retryable })
            #expect(conflicts.lastConsumedSeq == 3)

            // An unusable event is consumed and refused for good: the queue moves on.
            let unknown = try Events.loaded(4, "000.00.00.H00-000000-9999")
            let noDetails = OneStopEvent(
                id: UUID(), seq: 5, kind: .resultLoaded, occurredAt: Events.at, dossierCode: Self.plain, details: .object([:]))
            let next = Events.incident(6)
            let mixed = try await sim.send([unknown, noDetails, next])
            #expect(mixed.rejected.map(\.reason) == [.unknownDossier, .invalidDetails])
            #expect(mixed.accepted == [next.id])
            #expect(mixed.lastConsumedSeq == 6)
            let retried = try await sim.send([unknown])
            #expect(retried.rejected.map(\.reason) == [.unknownDossier])
            #expect(retried.lastConsumedSeq == 6)
        }
    }

    @Test func loadingIssuesASixDigitCodeBySMSWhoseHashTheManifestCarries() async throws {
        try await SimHarness.run { sim in
            let before = try await sim.allPages()
            let cursor = try #require(before.last?.cursor)
            _ = try await sim.send([try Events.loaded(1, Self.proxy, slot: "A-03")])

            let sms = try #require(try await sim.control([SMSRecord].self, .GET, "sms").first)
            #expect(sms.phone == "0944888999" && sms.dossierCode == Self.proxy)
            #expect(sms.text.utf8.count <= 160 && sms.text.allSatisfy(\.isASCII))
            #expect(sms.text.hasPrefix("Ho so \(Self.proxy) da co ket qua tai ATM ho so 24/7 Vi Thanh. Ma nhan: "))
            let code = try #require(sms.text.split(separator: " ").first { $0.count == 7 && $0.hasSuffix(",") }.map { String($0.dropLast()) })
            #expect(code.count == 6 && code.allSatisfy(\.isASCIIDigitForTest))

            let changed = try await sim.allPages(from: cursor).flatMap(\.dossiers)
            let entry = try #require(changed.first)
            #expect(changed.count == 1 && entry.dossierCode == Self.proxy)
            #expect(entry.kiosk.slot == "A-03" && entry.kiosk.pickupDeadline != nil)
            #expect(entry.proxy?.maskedIDNumber == "********1122")
            let hash = try SecretHashCheck.decode(try #require(entry.kiosk.pickupCodeHash))
            #expect(hash.verify(code))
            let wrong = String(format: "%06d", ((Int(code) ?? 0) + 1) % 1_000_000)
            #expect(!hash.verify(wrong))
            #expect(!sms.text.contains("093170002468"))
        }
    }

    @Test func handingOutMovesTheDossierToTenAndTombstonesIt() async throws {
        try await SimHarness.run { sim in
            let cursor = try #require(try await sim.allPages().last?.cursor)
            let result = try await sim.send([try Events.loaded(1, Self.plain), try Events.handedOut(2, Self.plain)])
            #expect(result.accepted.count == 2)
            let status = try await sim.wire(
                OneStopStatusResult.self, .POST, OneStopPaths.statusLookup(kiosk: SimHarness.kiosk),
                body: OneStopStatusQuery(dossierCode: Self.plain, ownerIDLastFour: "1357"))
            #expect(status.status == .resultReturned && status.returnedAt == Events.at)
            let pages = try await sim.allPages(from: cursor)
            #expect(pages.flatMap(\.tombstones).map(\.reason) == [.handedOut])
            #expect(pages.flatMap(\.dossiers).isEmpty)
            // Handing out again is refused for good, not re-applied.
            let again = try await sim.send([try Events.handedOut(3, Self.plain)])
            #expect(again.rejected.map(\.reason) == [.wrongState])
            #expect(try await sim.control([SMSRecord].self, .GET, "sms").count == 2)
        }
    }

    @Test func aHandedInDossierIsCreatedInStatusOne() async throws {
        try await SimHarness.run { sim in
            let code = "KVT01-261122-0001"
            let event = try OneStopEvent(
                id: UUID(), seq: 1, kind: .dossierHandedIn, occurredAt: Events.at, dossierCode: code,
                encoding: OneStopDossierHandedIn(
                    procedureCode: "1.001193", ownerName: "Lê Văn An", phoneNumber: "0912000111", ownerIDLastFour: "4455", slot: "C-01"))
            #expect(try await sim.send([event]).accepted == [event.id])
            let status = try await sim.wire(
                OneStopStatusResult.self, .POST, OneStopPaths.statusLookup(kiosk: SimHarness.kiosk),
                body: OneStopStatusQuery(dossierCode: code, ownerIDLastFour: "4455"))
            #expect(status.status == .newlyRegistered && status.procedureName == "Đăng ký khai sinh")
        }
    }
}

extension Character {
    var isASCIIDigitForTest: Bool { ("0"..."9").contains(self) }
}
