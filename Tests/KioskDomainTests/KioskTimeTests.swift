import Foundation
import Testing
@testable import KioskDomain

@Suite struct KioskTimeTests {
    @Test func iso8601_writesVietnamTimeWithColonOffsetAndMilliseconds() {
        let instant = Date(timeIntervalSince1970: 1_762_958_825.25)  // 14:47:05.250 UTC
        #expect(KioskTime.iso8601(instant) == "2025-11-12T21:47:05.250+07:00")
    }

    @Test func nationalWire_isCompactVietnamTime_evenAcrossMidnightUTC() {
        let instant = Date(timeIntervalSince1970: 1_762_970_400)  // 18:00 UTC = 01:00 next day in Vietnam
        #expect(KioskTime.nationalWire(instant) == "20251113010000")
    }
}
