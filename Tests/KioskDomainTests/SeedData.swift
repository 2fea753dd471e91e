import Foundation

/// The synthetic seed data of `data/seed/`, read from the package root three directories above
/// this file, so tests exercise exactly the records the demo uses.
enum SeedData {
    /// One record of `data/seed/dossiers.json`, the fields tests need.
    struct Dossier: Decodable {
        let code: String
        let procedureCode: String
        let ownerName: String
        let ownerIDNumber: String
        let phoneNumber: String
        let proxy: Proxy?

        /// An authorised person picking the result up (`UyQuyen`).
        struct Proxy: Decodable {
            let name: String
            let idNumber: String

            enum CodingKeys: String, CodingKey {
                case name = "HoTen"
                case idNumber = "SoGiayTo"
            }
        }

        enum CodingKeys: String, CodingKey {
            case code = "MaHoSo"
            case procedureCode = "MaTTHC"
            case ownerName = "ChuHoSo"
            case ownerIDNumber = "SoGiayToChuHoSo"
            case phoneNumber = "SoDienThoai"
            case proxy = "UyQuyen"
        }
    }

    /// One record of `data/seed/procedures.json`.
    struct Procedure: Decodable {
        let code: String

        enum CodingKeys: String, CodingKey {
            case code = "MaTTHC"
        }
    }

    private struct DossierFile: Decodable {
        let HoSo: [Dossier]
    }

    private struct ProcedureFile: Decodable {
        let ThuTuc: [Procedure]
    }

    /// The package root: `Tests/KioskDomainTests/SeedData.swift` → three levels up.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Every dossier of the seed file.
    static func dossiers() throws -> [Dossier] {
        let url = packageRoot.appendingPathComponent("data/seed/dossiers.json")
        return try JSONDecoder().decode(DossierFile.self, from: Data(contentsOf: url)).HoSo
    }

    /// Every procedure of the seed file.
    static func procedures() throws -> [Procedure] {
        let url = packageRoot.appendingPathComponent("data/seed/procedures.json")
        return try JSONDecoder().decode(ProcedureFile.self, from: Data(contentsOf: url)).ThuTuc
    }
}

