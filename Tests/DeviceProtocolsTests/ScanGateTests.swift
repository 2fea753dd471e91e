import KioskHAL
import Testing
@testable import DeviceProtocols

@Suite struct ScanGateTests {
    @Test func admit_whenNeverArmed_dropsAsDisarmed() {
        var gate = ScanGate()
        #expect(gate.admit("000.28.21.H28-251107-0012", at: .seconds(1)) == .dropped(.disarmed))
    }

    @Test func admit_afterAnAcceptedScan_disarmsUntilArmedAgain() {
        // Given an armed gate
        var gate = ScanGate(armed: true)
        // When two different codes arrive
        let first = gate.admit("A", at: .seconds(10))
        let second = gate.admit("B", at: .seconds(20))
        // Then the first gets through and the second finds the gate disarmed
        #expect(first == .accepted)
        #expect(second == .dropped(.disarmed))
        #expect(!gate.isArmed)
        // When the flow re-arms
        gate.arm()
        // Then the next different code gets through
        #expect(gate.admit("B", at: .seconds(21)) == .accepted)
    }

    @Test func admit_whenTheSamePayloadRepeatsWithinTheWindow_dropsItAsADuplicate_evenAfterReArming() {
        // Given a gate with a 1.5 s window that accepted "A" at t = 10 s and was re-armed
        var gate = ScanGate(debounceWindow: .milliseconds(1500), armed: true)
        #expect(gate.admit("A", at: .seconds(10)) == .accepted)
        gate.arm()
        // When "A" arrives again 1.2 s later
        let verdict = gate.admit("A", at: .milliseconds(11_200))
        // Then it is dropped with the elapsed time, and the gate stays armed
        #expect(verdict == .dropped(.duplicate(sinceLast: .milliseconds(1200))))
        #expect(gate.isArmed)
        // And a different payload at the same moment gets through
        #expect(gate.admit("B", at: .milliseconds(11_200)) == .accepted)
    }

    @Test func admit_whenTheSamePayloadRepeatsAfterTheWindow_acceptsIt() {
        // Given "A" accepted at t = 10 s and the gate re-armed
        var gate = ScanGate(armed: true)
        _ = gate.admit("A", at: .seconds(10))
        gate.arm()
        // When "A" arrives exactly 1.5 s later
        let verdict = gate.admit("A", at: .milliseconds(11_500))
        // Then the window is over and it gets through
        #expect(verdict == .accepted)
    }

    @Test func admit_whenTheClockStepsBack_treatsTheRepeatAsWithinTheWindow() {
        var gate = ScanGate(armed: true)
        _ = gate.admit("A", at: .seconds(10))
        gate.arm()
        #expect(gate.admit("A", at: .seconds(9)) == .dropped(.duplicate(sinceLast: .zero)))
    }

    @Test func disarm_dropsTheNextScan_andForgetLastScan_allowsAnImmediateRepeat() {
        // Given an armed gate that is then disarmed
        var gate = ScanGate(armed: true)
        gate.disarm()
        #expect(gate.admit("A", at: .seconds(1)) == .dropped(.disarmed))
        // When armed, "A" accepted, re-armed and the last scan forgotten
        gate.arm()
        #expect(gate.admit("A", at: .seconds(2)) == .accepted)
        gate.arm()
        gate.forgetLastScan()
        // Then an immediate repeat gets through
        #expect(gate.admit("A", at: .seconds(2)) == .accepted)
    }

    @Test func admitOutcome_passesRejectionsWithoutDisarming() {
        // Given an armed gate
        var gate = ScanGate(armed: true)
        // When a rejection, then a scan arrive
        let rejected = gate.admit(ScanOutcome.rejected(.invalidUTF8), at: .seconds(1))
        let scanned = gate.admit(ScanOutcome.scanned(Scan(text: "X", source: .serialLine)), at: .seconds(1))
        // Then both pass and only the scan disarms
        #expect(rejected == .accepted)
        #expect(scanned == .accepted)
        #expect(!gate.isArmed)
    }

    @Test func init_withANegativeWindow_usesZero() {
        #expect(ScanGate(debounceWindow: .seconds(-3)).debounceWindow == .zero)
        #expect(ScanGate().debounceWindow == .milliseconds(1500))
    }
}
