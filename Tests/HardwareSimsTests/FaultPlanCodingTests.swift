import DeviceProtocols
import Foundation
import Testing
@testable import HardwareSims

@Suite struct FaultPlanCodingTests {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("HardwareSims/Scenarios")

    @Test func stuckLockScenario_decodesToItsFaults() throws {
        // Given the scenario file shipped with the emulators
        let data = try Data(contentsOf: Self.scenarios.appendingPathComponent("stuck-lock-B-07.json"))
        // When it is decoded
        let plan = try JSONDecoder().decode(FaultPlan.self, from: data)
        // Then it holds exactly the scripted faults
        #expect(plan.name == "stuck-lock-B-07")
        #expect(plan.faults == [
            ScheduledFault(.stuckLock, scope: FaultScope(board: 1, channel: 7), activation: .immediately),
            ScheduledFault(.slowReply(delay: .milliseconds(120)), scope: FaultScope(board: 1), activation: .forNextCommands(2)),
        ])
    }

    @Test func stuckLockScenario_keepsSlotB07Latched() throws {
        // Given a Kerong bus with boards 0 and 1 running the scenario
        let data = try Data(contentsOf: Self.scenarios.appendingPathComponent("stuck-lock-B-07.json"))
        var core = try EmulatorTestSupport.kerongBus(boards: [0, 1], faults: JSONDecoder().decode(FaultPlan.self, from: data))
        // When the host unlocks board 1 lock 7
        _ = core.receive(try KerongFrame.unlock(board: 1, lock: 6).encoded(), at: .zero)
        // Then it stays latched
        #expect(try core.state(board: 1, channel: 7).latched)
    }

    @Test func everyFault_roundTripsThroughJSON() throws {
        // Given one of every fault and activation
        let plan = FaultPlan(name: "all", description: "every kind", faults: [
            ScheduledFault(.offline, scope: FaultScope(board: 0), activation: .at(.milliseconds(1500))),
            ScheduledFault(.slowReply(delay: .milliseconds(250)), scope: FaultScope(board: 1), activation: .forNextCommands(3)),
            ScheduledFault(.corruptChecksum, scope: FaultScope(board: 2)),
            ScheduledFault(.truncatedReply(keepBytes: 4), scope: FaultScope(board: 3)),
            ScheduledFault(.strayBytes([0, 255]), scope: FaultScope(board: 4)),
            ScheduledFault(.duplicateReply, scope: FaultScope(board: 5)),
            ScheduledFault(.stuckLock, scope: FaultScope(board: 6, channel: 2)),
            ScheduledFault(.doorSensorStuck(open: true), scope: FaultScope(board: 7, channel: 3)),
            ScheduledFault(.itemSensorStuck(present: false), scope: FaultScope(board: 8, channel: 4)),
            ScheduledFault(.addressCollision(.garbled), scope: FaultScope(board: 9)),
            ScheduledFault(.powerCycle, scope: FaultScope(board: 10), activation: .at(.seconds(3))),
            ScheduledFault(.forcedDoor, scope: FaultScope(board: 11, channel: 1)),
            ScheduledFault(.doorLeftOpen, scope: FaultScope(board: 12, channel: 16)),
        ])
        // When it is encoded and decoded
        let decoded = try JSONDecoder().decode(FaultPlan.self, from: JSONEncoder().encode(plan))
        // Then nothing is lost
        #expect(decoded == plan)
    }

    @Test(arguments: [
        #"{"name": "x", "faults": [{"fault": "meltdown", "board": 0}]}"#,
        #"{"name": "x", "faults": [{"fault": "slowReply", "board": 0}]}"#,
        #"{"name": "x", "faults": [{"fault": "offline", "board": 0, "activation": {"nextCommands": 0}}]}"#,
        #"{"name": "x", "faults": [{"fault": "offline", "board": 0, "activation": "later"}]}"#,
        #"{"name": "x", "faults": [{"fault": "offline", "board": 0, "activation": {"atMilliseconds": -1}}]}"#,
    ])
    func malformedScenarios_areRejected(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FaultPlan.self, from: Data(json.utf8)) }
    }
}
