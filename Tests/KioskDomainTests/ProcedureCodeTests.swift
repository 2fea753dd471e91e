import Foundation
import Testing
@testable import KioskDomain

@Suite struct ProcedureCodeTests {
    @Test func everySeedProcedureCode_parsesAndRoundTrips() throws {
        let codes = try SeedData.procedures().map(\.code)
        #expect(codes.count == 24)
        for text in codes {
            let code = try #require(ProcedureCode(text), "\(text) should parse")
            #expect(code.rawValue == text)
            #expect(code.nationalCode == text)
            #expect(ProcedureCode(code.rawValue) == code)
        }
        // And every procedure a seed dossier names is one of them
        let known = Set(codes)
        #expect(try SeedData.dossiers().allSatisfy { known.contains($0.procedureCode) })
    }

    @Test(arguments: [
        ("1.001612.000.00.00.H56", "1.001612.000.00.00.H56", "1.001612"),
        ("2.002621.H56", "2.002621.H56", "2.002621"),
        ("1.001612.000.00.00.h56", "1.001612.000.00.00.H56", "1.001612"),
        ("  2.002621.h56\r\n", "2.002621.H56", "2.002621"),
        ("1.001612", "1.001612", "1.001612"),
    ])
    func parse_acceptsAgencySuffixedForms(text: String, normalised: String, national: String) throws {
        let code = try #require(ProcedureCode(text))
        #expect(code.rawValue == normalised)
        #expect(code.nationalCode == national)
    }

    @Test(arguments: [
        "", " ", "1", "1.", "1.00161", "1.0016123", "0.001612", "10.001612", "1.00161A", "1.001612.",
        "1.001612.H5", "1.001612.H567", "1.001612.56H", "1.001612.000.00.H56", "1.001612.000.00.00.H56.X",
        "1.001612.00.00.00.H56", "1.001612.000.00.00.56", "1.001612.Đ56", "1.001612\u{0}", "１.001612",
        "1.001612' OR 1=1 --", "1,001612", String(repeating: "1", count: 65),
        // Non-ASCII letters whose Unicode upper case is ASCII must not slip through as another code
        "1.001612.ſ56", "1.001612.ı56", "1.001612.000.00.00.ſ56",
    ])
    func parse_whenMalformed_isNil(text: String) {
        #expect(ProcedureCode(text) == nil)
    }

    @Test func codable_roundTripsAndRefusesBadCodes() throws {
        let code = try #require(ProcedureCode("1.001612.000.00.00.H56"))
        let data = try JSONEncoder().encode(code)
        #expect(String(decoding: data, as: UTF8.self) == #""1.001612.000.00.00.H56""#)
        #expect(try JSONDecoder().decode(ProcedureCode.self, from: data) == code)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ProcedureCode.self, from: Data(#""1.00161""#.utf8))
        }
    }
}
