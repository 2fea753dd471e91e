import AsyncHTTPClient
import Foundation
import OneStopSim
import OneStopWire
import Testing

@Suite struct FaultInjectionTests {
    static let plain = "000.28.21.H28-251110-0003"
    var manifest: String { OneStopPaths.manifest(kiosk: SimHarness.kiosk) }

    @Test func countedErrorsAnswerTheirStatusThenStop() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .error, operation: "getManifest", count: 2, status: 502)]))
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await sim.call(.GET, manifest).status) }
            #expect(statuses == [502, 502, 200])
            // Another operation is not affected.
            #expect(try await sim.call(.GET, OneStopPaths.procedures(kiosk: SimHarness.kiosk)).status == 200)
            let snapshot = try await sim.control(FaultController.Snapshot.self, .GET, "faults")
            #expect(snapshot.rules.map(\.fired) == [2])
        }
    }

    @Test func anErrorRateReplaysExactlyFromItsSeed() async throws {
        try await SimHarness.run { sim in
            var runs: [[Int]] = []
            for _ in 0..<2 {
                try await sim.installFaults(FaultPlan(seed: 7, rules: [.init(fault: .error, percent: 40, status: 500)]))
                var statuses: [Int] = []
                for _ in 0..<30 { statuses.append(try await sim.call(.GET, manifest).status) }
                runs.append(statuses)
            }
            #expect(runs[0] == runs[1])
            #expect(runs[0].contains(500) && runs[0].contains(200))
            try await sim.installFaults(FaultPlan(seed: 8, rules: [.init(fault: .error, percent: 40, status: 500)]))
            var other: [Int] = []
            for _ in 0..<30 { other.append(try await sim.call(.GET, manifest).status) }
            #expect(other != runs[0])
        }
    }

    @Test func latencyDelaysButStillAnswers() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .latency, count: 1, milliseconds: 300)]))
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await sim.call(.GET, manifest).status == 200)
            // A lower bound only: the delay is added, whatever the machine's load.
            #expect(clock.now - start >= .milliseconds(300))
            #expect(try await sim.control(FaultController.Snapshot.self, .GET, "faults").rules.map(\.fired) == [1])
        }
    }

    @Test func aTimeoutNeverAnswersUntilThePlanIsCleared() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .timeout, count: 1)]))
            await #expect(throws: (any Error).self) { try await sim.call(.GET, manifest, timeout: 2) }
            _ = try await sim.control(FaultController.Snapshot.self, .DELETE, "faults")
            #expect(try await sim.call(.GET, manifest).status == 200)
        }
    }

    @Test func aLostResponseCommitsThenDropsTheConnectionAndTheRetryIsADuplicate() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .lostResponse, operation: "postEvents", count: 1)]))
            let batch = [try Events.loaded(1, Self.plain)]
            await #expect(throws: HTTPClientError.self) { try await sim.send(batch) }
            let log = try await sim.control([EventLogEntry].self, .GET, "kiosks/\(SimHarness.kiosk)/events")
            #expect(log.map(\.seq) == [1])
            let retry = try await sim.send(batch)
            #expect(retry.accepted == batch.map(\.id) && retry.lastConsumedSeq == 1)
            #expect(try await sim.control([SMSRecord].self, .GET, "sms").count == 1)
        }
    }

    @Test func aLostResponseWithAStatusAnswersItAfterCommitting() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .lostResponse, operation: "postEvents", count: 1, status: 503)]))
            let body = try OneStopJSON.encode(OneStopEventBatch(kioskID: SimHarness.kiosk, events: [Events.incident(1)]))
            let answer = try await sim.call(.POST, OneStopPaths.events(kiosk: SimHarness.kiosk), body: body)
            #expect(answer.status == 503)
            #expect(try await sim.control([EventLogEntry].self, .GET, "kiosks/\(SimHarness.kiosk)/events").count == 1)
        }
    }

    @Test func malformedBodiesAreWhatTheySay() async throws {
        try await SimHarness.run { sim in
            let real = try await sim.call(.GET, manifest)
            for garbage in FaultPlan.Garbage.allCases {
                try await sim.installFaults(FaultPlan(rules: [.init(fault: .malformed, count: 1, malformed: garbage)]))
                let answer = try await sim.call(.GET, manifest)
                #expect(answer.status == 200, "\(garbage)")
                #expect(throws: (any Error).self, "\(garbage)") { try answer.decode(OneStopManifestPage.self) }
                switch garbage {
                case .wrongTypes: #expect((try? JSONSerialization.jsonObject(with: answer.body)) != nil)
                case .truncated: #expect(answer.body == real.body.prefix(real.body.count / 2))
                case .invalidUTF8: #expect(String(data: answer.body, encoding: .utf8) == nil)
                case .huge: #expect(answer.body.count > 16 * 1024 * 1024)
                case .missingFields:
                    let object = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
                    #expect(Set(object.keys) == ["DanhSach", "DaXoa"])
                }
            }
            #expect(try await sim.call(.GET, manifest).status == 200)
        }
    }

    @Test func missingFieldsKeepTheEventAnswersShape_withoutItsScalarFields_afterCommitting() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .malformed, operation: "postEvents", malformed: .missingFields)]))
            let event = Events.incident(1)
            let body = try OneStopJSON.encode(OneStopEventBatch(kioskID: SimHarness.kiosk, events: [event]))
            let answer = try await sim.call(.POST, OneStopPaths.events(kiosk: SimHarness.kiosk), body: body)
            #expect(answer.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
            #expect(Set(object.keys) == ["DaNhan", "TuChoi"])
            #expect((object["DaNhan"] as? [String])?.map { $0.lowercased() } == [event.id.uuidString.lowercased()])
            #expect(throws: DecodingError.self) { try answer.decode(OneStopEventBatchResult.self) }
            #expect(try await sim.control([EventLogEntry].self, .GET, "kiosks/\(SimHarness.kiosk)/events").map(\.seq) == [1])
        }
    }

    @Test func refusedConnectionsCloseAtAcceptThenRecover() async throws {
        try await SimHarness.run { sim in
            try await sim.installFaults(FaultPlan(rules: [.init(fault: .refuseConnections, count: 2)]))
            // Plain sockets: one connection per attempt, no pooling or retry to hide a refusal.
            for _ in 0..<2 {
                #expect(try await RawHTTP.get(port: sim.port, path: "/control/health").isEmpty)
            }
            let answer = String(decoding: try await RawHTTP.get(port: sim.port, path: "/control/health"), as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(try await sim.control(FaultController.Snapshot.self, .GET, "faults").rules.map(\.fired) == [2])
        }
    }

    @Test func invalidPlansAreRefused() async throws {
        try await SimHarness.run { sim in
            let answer = try await sim.call(
                .PUT, "/control/faults", body: Data(#"{"seed":1,"rules":[{"fault":"error","status":200}]}"#.utf8), token: .some(nil))
            #expect(answer.status == 400)
            let unknown = try await sim.call(
                .PUT, "/control/faults", body: Data(#"{"seed":1,"rules":[{"fault":"explode"}]}"#.utf8), token: .some(nil))
            #expect(unknown.status == 400)
        }
    }
}
