import Foundation
import Testing
@testable import KioskDomain

@Suite struct SlotIDTests {
    @Test(arguments: [
        ("A-01", "A-01"), ("B-07", "B-07"), ("AB-123", "AB-123"), ("b-07", "B-07"), (" c-10\n", "C-10"),
        ("Z-999", "Z-999"),
    ])
    func parse_acceptsDoorLabels(text: String, normalised: String) throws {
        #expect(try #require(SlotID(text)).rawValue == normalised)
    }

    @Test(arguments: [
        "", "  ", "A01", "A-1", "A-1234", "ABC-01", "1-01", "A-0A", "A--01", "A-01-", "-01", "A-",
        "Ă-01", "A-０1", "A-01\u{0}", "A-01;", String(repeating: " ", count: 13) + "A-01",
        // Non-ASCII letters whose Unicode upper case is ASCII must not slip through as another label
        "ı-01", "ſ-01", "ﬀ-01",
    ])
    func parse_whenMalformed_isNil(text: String) {
        #expect(SlotID(text) == nil)
    }

    @Test func ordering_isByLabel() throws {
        let labels = try ["B-07", "A-10", "A-02"].map { try #require(SlotID($0)) }
        #expect(labels.sorted().map(\.description) == ["A-02", "A-10", "B-07"])
    }

    @Test func codable_roundTripsAndRefusesBadLabels() throws {
        let slot = try #require(SlotID("B-07"))
        let data = try JSONEncoder().encode(slot)
        #expect(String(decoding: data, as: UTF8.self) == #""B-07""#)
        #expect(try JSONDecoder().decode(SlotID.self, from: data) == slot)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SlotID.self, from: Data(#""B7""#.utf8)) }
    }
}
