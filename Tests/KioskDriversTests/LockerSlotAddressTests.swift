import Testing
@testable import KioskDrivers

@Suite struct LockerSlotAddressTests {
    @Test func families_stateTheirAddressLimits() {
        #expect(LockerSlotAddress.Family.kerong.maximumBoard == 15)
        #expect(LockerSlotAddress.Family.kerong.maximumChannel == 16)
        #expect(LockerSlotAddress.Family.wkly.maximumBoard == 31)
        #expect(LockerSlotAddress.Family.wkly.maximumChannel == 64)
    }
}
