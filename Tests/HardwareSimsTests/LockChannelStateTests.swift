import Testing
@testable import HardwareSims

@Suite struct LockChannelStateTests {
    @Test func idleChannel_isLatchedClosedAndEmpty() {
        #expect(LockChannelState.idle == LockChannelState(latched: true, doorOpen: false, itemPresent: false))
    }
}
