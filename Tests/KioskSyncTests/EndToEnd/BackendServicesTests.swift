import Foundation
import KioskDomain
import KioskStore
import OneStopSim
import Testing
@testable import KioskSync

/// Heartbeat, catalogue, staff directory and the citizen calls against a real onestop-sim.
@Suite struct BackendServicesTests {
    static let kioskNow = Date(timeIntervalSince1970: 1_762_930_025)

    @Test func theHeartbeat_measuresTheBackendsClockOffset_andPullsANewerStaffDirectory() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Given a backend whose clock is 90.250 s ahead of the kiosk's
        let backendNow = Self.kioskNow.addingTimeInterval(90.25)
        try await SimHarness.with(directory: directory, now: { backendNow }) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                let service = try SyncService(
                    database: database, client: client, settings: SyncRig.settings(), clock: ContinuousClock(),
                    now: { Self.kioskNow }, logger: quietLogger)
                // When the catalogue is refreshed and a staff member is added at the backend
                await service.refreshCatalogue()
                await service.refreshStaffDirectory()
                let entry = try JSONDecoder().decode(StaffEntry.self, from: Data(
                    #"{"id":"cb07","name":"Trần Thị Mai","roles":["CAN_BO_MOT_CUA"],"pin":"2468","active":true}"#.utf8))
                try await sim.backend.upsertStaff(entry)
                let offset = await service.heartbeat()
                // Then the offset is the backend's lead, and the heartbeat fetched the newer directory
                #expect(offset == 90_250)
                #expect(try await database.syncHealth().clockOffsetMs == 90_250)
                let staff = StaffLoginVerifier(database: database)
                guard case .accepted(let identity) = try await staff.check(id: "cb07", pin: "2468") else {
                    Issue.record("the synced PIN should log cb07 in offline")
                    return
                }
                #expect(identity.roles == [.staff])
                #expect(try await staff.check(id: "cb07", pin: "1357") == .wrongPIN)
                #expect(try await staff.check(id: "nobody", pin: "2468") == .unknown)
                #expect(try await database.catalogue().count == 24)
            }
            try database.close()
        }
    }

    @Test func citizenCalls_answerFromTheBackend_orSayUnreachableInsteadOfWaiting() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The answered calls get a bound no loaded machine reaches; the unreachable ones a tight
        // bound, far below how long the backend holds them (60 s) or how long connecting is retried.
        let generous = try BackendLimits(maximumResponseBytes: 4 * 1_024 * 1_024, syncTimeout: .seconds(30), citizenTimeout: .seconds(60))
        let tight = try BackendLimits(maximumResponseBytes: 4 * 1_024 * 1_024, syncTimeout: .seconds(30), citizenTimeout: .seconds(1))
        let code = try DossierCode(validating: "000.28.21.H28-251107-0001")
        var dossiers = SeedDossier.ready(2)
        dossiers[1].PhiConNo = 100_000
        let feeDue = try DossierCode(validating: dossiers[1].MaHoSo)
        let unreachableURL = try await SimHarness.with(dossiers: dossiers, directory: directory) { sim in
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token, limits: generous) { client in
                // Given a backend that knows the dossier
                guard case .answered(let answer) = await client.lookUpStatus(code: code, ownerIdLast4: "4821") else {
                    Issue.record("expected an answer")
                    return
                }
                #expect(answer.status == .resultReady)
                #expect(await client.lookUpStatus(code: code, ownerIdLast4: "0000") == .notFound)
                // and a fee paid by VietQR, confirmed while the kiosk long-polls
                guard case .answered(let payment) = await client.createPayment(for: feeDue) else {
                    Issue.record("expected a payment request")
                    return
                }
                #expect(payment.amount == 100_000)
                #expect(payment.state == .waiting)
                _ = try await sim.backend.confirmPayment(id: payment.id)
                guard case .answered(let paid) = await client.pollPayment(id: payment.id, wait: .seconds(5)) else {
                    Issue.record("expected the payment's state")
                    return
                }
                #expect(paid.state == .paid)
                // and a dossier that owes nothing is refused, not "unreachable"
                guard case .refused(let reason) = await client.createPayment(for: code) else {
                    Issue.record("a payment for a dossier without fees should be refused")
                    return
                }
                #expect(reason.contains("409"))
            }
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token, limits: tight) { client in
                // When the backend holds every request without answering
                sim.faults.install(FaultPlan(rules: [.init(fault: .timeout, milliseconds: 60_000)]))
                // Then the citizen hears "unreachable" after the citizen bound, not after a minute
                #expect(await client.lookUpStatus(code: code, ownerIdLast4: "4821") == .unreachable)
                #expect(await client.createPayment(for: code) == .unreachable)
                sim.faults.clear()
            }
            return sim.baseURL
        }
        // And when nothing listens at all, the answer is the same
        try await SyncRig.withClient(baseURL: unreachableURL, token: SimHarness.token, limits: tight) { client in
            #expect(await client.lookUpStatus(code: code, ownerIdLast4: "4821") == .unreachable)
        }
    }

    @Test func aRefusedConnection_isNamedAsRefused_withTheAddress() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Given the address of a backend that has stopped (nothing listens there any more)
        let stoppedURL = try await SimHarness.with(directory: directory) { sim in sim.baseURL }
        let port = try #require(stoppedURL.port)
        let limits = try BackendLimits(maximumResponseBytes: 1_024 * 1_024, syncTimeout: .seconds(2), citizenTimeout: .seconds(1))
        try await SyncRig.withClient(baseURL: stoppedURL, token: SimHarness.token, limits: limits) { client in
            // When the kiosk calls it
            let result = await client.catalogue()
            // Then the failure says the connection was refused, where, in balanced words
            guard case .failure(let failure) = result else {
                Issue.record("nothing listens, yet the call succeeded")
                return
            }
            #expect(failure == .transport("connection refused by 127.0.0.1:\(port)"))
            #expect(failure.description == "backend unreachable: connection refused by 127.0.0.1:\(port)")
            #expect(failure.isTransient)
        }
    }

    @Test func theBearerToken_neverAppearsInDescriptionsOrLogs() async throws {
        let credentials = try BackendCredentials(bearerToken: " \(SimHarness.token)\n")
        #expect(!String(describing: credentials).contains(SimHarness.token))
        #expect(!String(reflecting: credentials).contains(SimHarness.token))
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains(SimHarness.token))
        #expect(credentials.authorizationHeader == "Bearer " + SimHarness.token)
        #expect(throws: SyncConfigurationError.self) { try BackendCredentials(bearerToken: "has space inside") }
    }

    @Test func sync_logsRequestsAndFailures_butNeverTheBearerToken() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = CapturedLog()
        try await SimHarness.with(dossiers: SeedDossier.ready(3), directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: log.logger())
            try await commitIncidents(30, into: database)
            sim.faults.install(FaultPlan(seed: 5, rules: [.init(fault: .error, percent: 50, status: 500)]))
            let http = BackendClient.makeHTTPClient()
            for token in [SimHarness.token, "wrong-token-but-long-enough-0001"] {
                let client = BackendClient(
                    endpoint: SyncEndpoint(baseURL: sim.baseURL, kioskID: SimHarness.kioskID),
                    credentials: try BackendCredentials(bearerToken: token), httpClient: http, logger: log.logger())
                let service = try SyncService(
                    database: database, client: client, settings: SyncRig.settings(), clock: ContinuousClock(),
                    logger: log.logger())
                var rng = SystemRandomNumberGenerator()
                _ = await service.pullManifest(using: &rng)
                _ = await service.heartbeat()
                #expect(!log.text.contains(token))
            }
            try await http.shutdown()
        }
        #expect(log.text.contains("backend call"))
        #expect(log.text.contains("401"))
    }
}
