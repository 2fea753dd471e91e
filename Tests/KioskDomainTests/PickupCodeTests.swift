import Testing
@testable import KioskDomain
import TestSupport

@Suite struct PickupCodeTests {
    @Test(arguments: [("482913", "482913"), (" 482913\r\n", "482913"), ("004213", "004213"), ("000000", "000000")])
    func init_acceptsSixDigitsAfterTrimming(text: String, digits: String) throws {
        #expect(try PickupCode(text).digits == digits)
    }

    @Test(arguments: [
        ("", PickupCodeError.empty),
        ("  \t\n", .empty),
        ("48291", .wrongLength(5)),
        ("4829130", .wrongLength(7)),
        ("48a913", .nonDigit),
        ("482 913", .nonDigit),
        ("-48291", .nonDigit),
        ("٤٨٢٩١٣", .nonDigit),
        ("４８２９１３", .nonDigit),
        ("48291\u{0}", .nonDigit),
        ("' OR 1=1 --", .nonDigit),
        (String(repeating: "1", count: 33), .tooLong(byteCount: 33)),
        (String(repeating: "1", count: 10_240), .tooLong(byteCount: 10_240)),
    ])
    func init_whenNotSixASCIIDigits_throwsTheMatchingError(text: String, expected: PickupCodeError) {
        #expect(throws: expected) { try PickupCode(text) }
    }

    @Test func description_mirrorAndReflection_neverShowTheDigits() throws {
        let code = try PickupCode("482913")
        var dumped = ""
        dump(code, to: &dumped)
        #expect(code.description == "PickupCode(******)")
        #expect(String(reflecting: code) == "PickupCode(******)")
        #expect("\(code)" == "PickupCode(******)")
        #expect(Mirror(reflecting: code).children.isEmpty)
        #expect(!dumped.contains("482913"))
        #expect(!String(describing: [code]).contains("482913"))
    }

    @Test func equality_comparesDigits() throws {
        #expect(try PickupCode("482913") == PickupCode(" 482913 "))
        #expect(try PickupCode("482913") != PickupCode("482914"))
    }

    @Test func random_isDeterministicForASeedAndAlwaysSixDigits() throws {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        var codes: [String] = []
        for _ in 0..<200 {
            let code = PickupCode.random(using: &first)
            #expect(code == PickupCode.random(using: &second))
            #expect(try PickupCode(code.digits) == code)
            codes.append(code.digits)
        }
        #expect(codes.allSatisfy { $0.utf8.count == 6 })
        #expect(Set(codes).count > 190)
    }

    @Test func hashed_verifiesTheCodeOnly() throws {
        var generator = SplitMix64(seed: 1)
        let stored = try PickupCode("482913").hashed(iterations: 1_000, using: &generator)
        #expect(stored.encoded == SecretHashTests.pickupCodeSeed1)
        #expect(stored.verify("482913"))
        #expect(!stored.verify("482931"))
    }
}
