import Foundation
import OneStopSim
import OneStopWire
import Testing

/// `refuseConnections` with `milliseconds`: an outage measured on the simulator's own clock.
@Suite struct TimedOutageTests {
    static let outage = #"{"seed":1,"rules":[{"fault":"refuseConnections","milliseconds":30000}]}"#

    @Test func aTimedOutage_refusesEveryNewConnectionUntilItsPeriodEndsOnTheSimulatorsClock() async throws {
        let clock = ManualClock()
        try await SimHarness.run(faultClock: FaultClock(clock)) { sim in
            // Given a 30-second outage installed over the control API when the clock reads 5 s
            clock.advance(by: .seconds(5))
            let installed = try await sim.control(FaultController.Snapshot.self, .PUT, "faults", json: Self.outage)
            #expect(installed.rules.first?.outageStartedAtMilliseconds == 5_000)
            #expect(installed.rules.first?.outageEndsAtMilliseconds == 35_000)
            #expect(installed.rules.first?.outageActive == true)
            // When connections arrive during it, up to its last millisecond
            var during: [Data] = []
            for _ in 0..<3 { during.append(try await RawHTTP.get(port: sim.port, path: "/control/health")) }
            clock.advance(by: .milliseconds(29_999))
            during.append(try await RawHTTP.get(port: sim.port, path: "/control/health"))
            // Then each is closed without an answer, and the snapshot says so
            #expect(during.allSatisfy { $0.isEmpty })
            let meanwhile = sim.server.faults.snapshot
            #expect(meanwhile.clockMilliseconds == 34_999)
            #expect(meanwhile.rules.map(\.fired) == [4])
            #expect(meanwhile.rules.first?.outageActive == true)
            // When the clock reaches the outage's end
            clock.advance(by: .milliseconds(1))
            // Then connections are served again and the rule stops counting
            let after = String(decoding: try await RawHTTP.get(port: sim.port, path: "/control/health"), as: UTF8.self)
            #expect(after.hasPrefix("HTTP/1.1 200"))
            let ended = try await sim.control(FaultController.Snapshot.self, .GET, "faults")
            #expect(ended.rules.map(\.fired) == [4])
            #expect(ended.rules.first?.outageActive == false)
            #expect(ended.clockMilliseconds == 35_000)
            #expect(try await sim.call(.GET, OneStopPaths.manifest(kiosk: SimHarness.kiosk)).status == 200)
        }
    }

    @Test func anOutageStarting_endsOpenKeepAliveConnections() async throws {
        let clock = ManualClock()
        try await SimHarness.run(faultClock: FaultClock(clock)) { sim in
            // Given a keep-alive connection that has been served once
            let connection = try await RawHTTP.offPool { try RawHTTP.KeepAlive(port: sim.port) }
            #expect(try await RawHTTP.offPool { connection.get("/control/health") }.hasPrefix("HTTP/1.1 200"))
            // When an outage starts
            sim.server.faults.install(FaultPlan(rules: [.init(fault: .refuseConnections, milliseconds: 30_000)]))
            // Then the server ends that connection too
            #expect(try await RawHTTP.offPool { connection.serverClosed() })
        }
    }

    @Test func aConnectionAnsweringWhenTheOutageStarts_getsItsAnswerThenEnds() async throws {
        let clock = ManualClock()
        try await SimHarness.run(faultClock: FaultClock(clock)) { sim in
            // Given a keep-alive connection
            let connection = try await RawHTTP.offPool { try RawHTTP.KeepAlive(port: sim.port) }
            // When the request it carries installs the outage
            let answer = try await sim.call(.PUT, "/control/faults", body: Data(Self.outage.utf8), token: .some(nil))
            // Then that request was answered, other connections are refused and a kept one was ended
            #expect(answer.status == 200)
            #expect(answer.headers.first(name: "Connection")?.lowercased() == "close")
            #expect(try await RawHTTP.get(port: sim.port, path: "/control/health").isEmpty)
            #expect(try await RawHTTP.offPool { connection.serverClosed() })
        }
    }

    @Test func timedAndCountedFieldsAreValidatedPrecisely() async throws {
        try await SimHarness.run { sim in
            let refused = [
                #"{"fault":"refuseConnections","count":2,"milliseconds":1000}"#,
                #"{"fault":"refuseConnections","operation":"postEvents","milliseconds":1000}"#,
                #"{"fault":"error","milliseconds":1000}"#,
                #"{"fault":"refuseConnections","milliseconds":600001}"#,
                #"{"fault":"error","malformed":"missingFields"}"#,
            ]
            for rule in refused {
                let answer = try await sim.call(
                    .PUT, "/control/faults", body: Data(#"{"seed":1,"rules":[\#(rule)]}"#.utf8), token: .some(nil))
                #expect(answer.status == 400, "\(rule)")
            }
            let accepted = try await sim.call(
                .PUT, "/control/faults", body: Data(#"{"seed":1,"rules":[{"fault":"refuseConnections","percent":0,"milliseconds":1000}]}"#.utf8),
                token: .some(nil))
            #expect(accepted.status == 200)
        }
    }
}
