import Testing
@testable import KioskHAL

@Suite struct HALErrorTests {
    @Test func description_namesDeviceKindAndDetail_forTechnicians() {
        let error = HALError(.timedOut, device: "lockbus0", detail: "no reply from board 2 within 200 ms")
        #expect(error.description == "lockbus0: timedOut: no reply from board 2 within 200 ms")
    }

    @Test func kinds_areTheSmallStableSet() {
        #expect(HALError.Kind.allCases.map(\.rawValue) == [
            "disconnected", "timedOut", "busy", "mechanical", "outOfSupplies", "protocolViolation", "unsupported",
        ])
    }

    @Test func deviceStatus_includesUnknown_andTheXFSStates() {
        #expect(DeviceStatus.allCases.map(\.rawValue) == [
            "starting", "online", "offline", "powerOff", "noDevice", "hardwareError", "userError", "busy", "unknown",
        ])
        #expect(LockerSlotStatus.unknown.device == .unknown)
    }
}
