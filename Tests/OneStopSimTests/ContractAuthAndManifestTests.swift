import Foundation
import OneStopSim
import OneStopWire
import Testing

@Suite struct ContractAuthAndManifestTests {
    static let plain = "000.28.21.H28-251110-0003"

    /// The dossiers the seed routes to kiosks: status 9 and a procedure not marked "no".
    static func expectedLiveCodes() throws -> Set<String> {
        struct Dossiers: Decodable { var HoSo: [[String: JSONValue]] }
        struct Procedures: Decodable { var ThuTuc: [[String: JSONValue]] }
        let dossiers = try JSONDecoder().decode(
            Dossiers.self, from: Data(contentsOf: URL(fileURLWithPath: SimHarness.seedDirectory + "/dossiers.json")))
        let procedures = try JSONDecoder().decode(
            Procedures.self, from: Data(contentsOf: URL(fileURLWithPath: SimHarness.seedDirectory + "/procedures.json")))
        let never = Set(procedures.ThuTuc.compactMap { $0["TraQuaKiosk"] == .string("no") ? $0["MaTTHC"] : nil })
        return Set(dossiers.HoSo.compactMap { dossier -> String? in
            guard dossier["TrangThaiHoSo"] == .string("9"), let procedure = dossier["MaTTHC"], !never.contains(procedure),
                case .string(let code) = dossier["MaHoSo"]
            else { return nil }
            return code
        })
    }

    @Test func requestsWithoutOrWithAWrongTokenAreRefusedWithAProblem() async throws {
        try await SimHarness.run { sim in
            let path = OneStopPaths.manifest(kiosk: SimHarness.kiosk)
            for token in [String?.none, .some("not-the-token-at-all"), .some("")] {
                let answer = try await sim.call(.GET, path, token: .some(token))
                #expect(answer.status == 401)
                #expect(answer.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
                #expect(answer.headers.first(name: "Content-Type") == "application/problem+json")
                let problem = try answer.decode(OneStopProblem.self)
                #expect(problem.knownCode == .unauthorized)
                #expect(problem.status == 401)
            }
            let other = try await sim.call(.GET, path, token: .some(sim.otherToken))
            #expect(other.status == 403)
            #expect(try other.decode(OneStopProblem.self).knownCode == .forbidden)
            let own = try await sim.call(.GET, path)
            #expect(own.status == 200)
            #expect(own.headers.first(name: "X-Contract-Version") == OneStopContractVersion.current)
        }
    }

    @Test func manifestPagesFollowTheCursorAndListEveryRoutedDossierOnce() async throws {
        let expected = try Self.expectedLiveCodes()
        #expect(expected.count >= 3)
        try await SimHarness.run { sim in
            let pages = try await sim.allPages(pageSize: 2)
            let codes = pages.flatMap(\.dossiers).map(\.dossierCode)
            #expect(Set(codes) == expected)
            #expect(codes.count == expected.count)
            #expect(pages.count == (expected.count + 1) / 2)
            #expect(pages.dropLast().allSatisfy { $0.hasMore && $0.dossiers.count == 2 })
            let changes = pages.flatMap(\.dossiers).map(\.kiosk.changeNumber)
            #expect(changes == changes.sorted() && Set(changes).count == changes.count)

            // Up to date: the same cursor comes back with nothing.
            let last = try #require(pages.last)
            let again = try await sim.allPages(from: last.cursor)
            #expect(again.count == 1 && again[0].dossiers.isEmpty && again[0].tombstones.isEmpty)
            #expect(again[0].cursor == last.cursor && !again[0].hasMore)

            // A withdrawal shows up after the cursor as a tombstone, and only that.
            _ = try await sim.control(DossierView.self, .POST, "dossiers/\(Self.plain)/withdraw")
            let after = try await sim.allPages(from: last.cursor)
            #expect(after.flatMap(\.dossiers).isEmpty)
            #expect(after.flatMap(\.tombstones).map(\.dossierCode) == [Self.plain])
            #expect(after.flatMap(\.tombstones).first?.reason == .withdrawn)

            // A full re-read no longer lists it as live.
            let full = try await sim.allPages()
            #expect(!full.flatMap(\.dossiers).contains { $0.dossierCode == Self.plain })
        }
    }

    @Test func aCursorTheBackendDidNotIssueIsRefused() async throws {
        try await SimHarness.run { sim in
            for cursor in ["bogus", "m1.-1", "m1.999999", "m1.01"] {
                let answer = try await sim.call(.GET, OneStopPaths.manifest(kiosk: SimHarness.kiosk) + "?ConTro=\(cursor)")
                #expect(answer.status == 400, "\(cursor)")
                #expect(try answer.decode(OneStopProblem.self).knownCode == .cursorInvalid, "\(cursor)")
            }
            let badSize = try await sim.call(.GET, OneStopPaths.manifest(kiosk: SimHarness.kiosk) + "?SoLuong=0")
            #expect(badSize.status == 400)
        }
    }

    @Test func statusLookupNeedsTheRightIDDigitsAndHidesWhichCodesExist() async throws {
        try await SimHarness.run { sim in
            let path = OneStopPaths.statusLookup(kiosk: SimHarness.kiosk)
            let found = try await sim.wire(
                OneStopStatusResult.self, .POST, path, body: OneStopStatusQuery(dossierCode: " \(Self.plain.lowercased()) ", ownerIDLastFour: "1357"))
            #expect(found.status == .resultReady && found.statusLabel == "Đã xử lý xong" && found.feesDue == 0)
            for query in [OneStopStatusQuery(dossierCode: Self.plain, ownerIDLastFour: "1358"),
                          OneStopStatusQuery(dossierCode: "000.00.00.H00-000000-0000", ownerIDLastFour: "1357")] {
                let answer = try await sim.call(.POST, path, body: try OneStopJSON.encode(query))
                #expect(answer.status == 404)
                #expect(try answer.decode(OneStopProblem.self).knownCode == .dossierNotFound)
            }
            let malformed = try await sim.call(.POST, path, body: Data(#"{"MaHoSo":1}"#.utf8))
            #expect(malformed.status == 400)
            #expect(try malformed.decode(OneStopProblem.self).detail?.contains("MaHoSo") == true)
        }
    }

    @Test func catalogueStaffAndHeartbeatAnswer() async throws {
        let serverTime = try #require(OneStopDateFormat.date(from: "2026-01-02T03:04:05.678+07:00"))
        try await SimHarness.run(now: { serverTime }) { sim in
            let catalogue = try await sim.wire(OneStopProcedureCatalogue.self, .GET, OneStopPaths.procedures(kiosk: SimHarness.kiosk))
            #expect(catalogue.procedures.count == 24)
            #expect(catalogue.procedures.contains { $0.code == "1.000894" && $0.kioskReturn == .never })

            _ = try await sim.control(
                OneStopStaffDirectory.self, .PUT, "staff",
                json: #"{"id":"CB01","name":"Trần Thị B","roles":["CAN_BO_MOT_CUA"],"pin":"2580"}"#)
            let staff = try await sim.wire(OneStopStaffDirectory.self, .GET, OneStopPaths.staff(kiosk: SimHarness.kiosk))
            let member = try #require(staff.members.first)
            #expect(member.id == "CB01" && member.roles == [.staff] && member.active)
            let hash = try SecretHashCheck.decode(member.pinHash)
            #expect(hash.verify("2580") && !hash.verify("2581"))
            #expect(staff.version == 2)

            let kioskTime = serverTime.addingTimeInterval(-1.5)
            let reply = try await sim.wire(
                OneStopHeartbeatReply.self, .POST, OneStopPaths.heartbeat(kiosk: SimHarness.kiosk),
                body: OneStopHeartbeat(kioskTime: kioskTime, softwareVersion: "t", outboxDepth: 0, lastAcknowledgedSeq: 0, devices: []))
            #expect(reply.serverTime == serverTime)
            #expect(reply.clockOffsetMilliseconds == 1500)
            #expect(reply.lastConsumedSeq == 0 && reply.staffDirectoryVersion == 2 && reply.catalogueVersion == 1)
        }
    }
}

@Suite struct ContractBodyLimitTests {
    @Test func anOversizedOrMisaddressedBatchIsRefusedWithAProblem() async throws {
        try await SimHarness.run { sim in
            let path = OneStopPaths.events(kiosk: SimHarness.kiosk)
            let huge = Data(#"{"MaKiosk":"KVT01","SuKien":[],"x":""#.utf8) + Data(repeating: 0x61, count: 2 * 1_048_576) + Data(#""}"#.utf8)
            let tooLarge = try await sim.call(.POST, path, body: huge)
            #expect(tooLarge.status == 413)
            #expect(try tooLarge.decode(OneStopProblem.self).knownCode == .bodyTooLarge)

            let elsewhere = try OneStopJSON.encode(OneStopEventBatch(kioskID: SimHarness.otherKiosk, events: [Events.incident(1)]))
            let misaddressed = try await sim.call(.POST, path, body: elsewhere)
            #expect(misaddressed.status == 403)
            #expect(try misaddressed.decode(OneStopProblem.self).detail?.contains(SimHarness.otherKiosk) == true)

            let tooMany = try OneStopJSON.encode(OneStopEventBatch(
                kioskID: SimHarness.kiosk, events: (1...101).map { Events.incident(Int64($0)) }))
            #expect(try await sim.call(.POST, path, body: tooMany).status == 413)
            #expect(try await sim.control([EventLogEntry].self, .GET, "kiosks/\(SimHarness.kiosk)/events").isEmpty)
        }
    }
}
