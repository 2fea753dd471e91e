import Foundation
import OneStopWire
import Testing

@Suite struct OneStopDateFormatTests {
    /// 2025-11-12T14:47:05.123Z.
    let instant = Date(timeIntervalSince1970: 1_762_958_825.123)

    @Test func writesMillisecondsAndTheVietnamOffset() {
        #expect(OneStopDateFormat.string(from: instant) == "2025-11-12T21:47:05.123+07:00")
    }

    @Test func readsTheSameInstantInAnyOffsetAndPrecision() throws {
        let forms = [
            "2025-11-12T21:47:05.123+07:00", "2025-11-12T14:47:05.123Z", "2025-11-12T09:47:05.123-05:00",
            "2025-11-12T14:47:05.123999999Z", "2025-11-13T12:10:05.123+21:23",
        ]
        for form in forms {
            let date = try #require(OneStopDateFormat.date(from: form), "\(form)")
            #expect(abs(date.timeIntervalSince(instant)) < 0.0005, "\(form)")
        }
        let whole = try #require(OneStopDateFormat.date(from: "2025-11-12T21:47:05+07:00"))
        #expect(whole == Date(timeIntervalSince1970: 1_762_958_825))
        let tenths = try #require(OneStopDateFormat.date(from: "2025-11-12T21:47:05.5+07:00"))
        #expect(tenths == Date(timeIntervalSince1970: 1_762_958_825.5))
    }

    @Test func refusesEverythingElse() {
        let bad = [
            "", "20251112214705", "2025-11-12", "2025-11-12 21:47:05+07:00", "2025-11-12T21:47:05",
            "2025-11-12T21:47:05.1234567891+07:00", "2025-11-12T21:47:05.+07:00", "2025-02-30T10:00:00Z",
            "2025-13-01T10:00:00Z", "2025-11-12T24:00:00Z", "2025-11-12T21:60:05Z", "2025-11-12T21:47:05+0700",
            "2025-11-12T21:47:05+24:00", "2025-11-12T21:47:05Z ", "２025-11-12T21:47:05Z", "2025-11-12t21:47:05z",
        ]
        for text in bad {
            #expect(OneStopDateFormat.date(from: text) == nil, "\(text)")
        }
    }

    @Test func writtenDatesReadBackExactlyToTheMillisecond() async throws {
        // A prime stride walks 1970–2100 through every millisecond residue and hour of day.
        var milliseconds: Int64 = 0
        for index in 0..<500 {
            milliseconds = (milliseconds + 1_234_567_891_237) % 4_102_444_800_000
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = OneStopDateFormat.string(from: date)
            let back = try #require(OneStopDateFormat.date(from: text), "\(text)")
            #expect(Int64((back.timeIntervalSince1970 * 1000).rounded()) == milliseconds, "\(text)")
            if index % 100 == 0 { await Task.yield() }
        }
    }
}
