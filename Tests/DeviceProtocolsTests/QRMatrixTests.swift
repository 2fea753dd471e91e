import Testing
@testable import DeviceProtocols

@Suite struct QRMatrixTests {
    static let dossierCode = "000.28.21.H28-251107-0012"

    @Test(arguments: [
        (QRErrorCorrection.low, 2),
        (.medium, 2),
        (.quartile, 3),
        (.high, 4),
    ])
    func encode_aDossierCode_picksTheSmallestVersionForTheLevel(level: QRErrorCorrection, expectedVersion: Int) throws {
        // Given a 25-byte dossier code (byte-mode capacity: v2-L 32, v2-M 26, v3-Q 32, v4-H 34)
        // When it is encoded
        let matrix = try QRMatrix(text: Self.dossierCode, errorCorrection: level)

        // Then the version is the smallest that fits and the grid is square
        #expect(matrix.version == expectedVersion)
        #expect(matrix.size == 17 + 4 * expectedVersion)
        #expect(matrix.modules.count == matrix.size * matrix.size)
        #expect(matrix.errorCorrection == level)
    }

    @Test func encode_drawsTheThreeFinderPatterns() throws {
        // Given any symbol
        let matrix = try QRMatrix(text: "A")
        let last = matrix.size - 1
        let art = matrix.asciiArt.split(separator: "\n").map(String.init)

        // Then each corner but the bottom-right holds a 7×7 finder with its white separator
        #expect(matrix.size == 21)
        #expect(art[0].hasPrefix("#######."))
        #expect(art[0].hasSuffix(".#######"))
        #expect(art[6].hasPrefix("#######."))
        #expect(art[20].hasPrefix("#######."))
        #expect(art[7].hasPrefix("........"))
        #expect(matrix.isDark(row: 3, column: 3))
        #expect(matrix.isDark(row: 3, column: last - 3))
        #expect(matrix.isDark(row: last - 3, column: 3))
        #expect(!matrix.isDark(row: 1, column: 1))
        #expect(!matrix.isDark(row: -1, column: 0))
        #expect(!matrix.isDark(row: 0, column: matrix.size))
    }

    @Test func encode_sameInputTwice_givesTheSameSymbol() throws {
        let first = try QRMatrix(text: Self.dossierCode, errorCorrection: .medium)
        let second = try QRMatrix(bytes: Array(Self.dossierCode.utf8), errorCorrection: .medium)
        #expect(first == second)
        #expect(first.darkModuleCount > 0)
        #expect(first.darkModuleCount < first.modules.count)
    }

    @Test func encode_emptyText_throwsEmptyInput() {
        #expect(throws: QREncodeError.emptyInput) {
            try QRMatrix(text: "")
        }
        #expect(throws: QREncodeError.emptyInput) {
            try QRMatrix(bytes: [])
        }
    }

    @Test func encode_eightThousandBytes_throwsTooLong() {
        // Given more than any QR symbol can hold
        let payload = [UInt8](repeating: 0x41, count: 8_000)

        // When / Then libqrencode's ERANGE becomes the typed error
        #expect(throws: QREncodeError.tooLong(byteCount: 8_000)) {
            try QRMatrix(bytes: payload, errorCorrection: .low)
        }
    }

    @Test func encode_atExactCapacity_fitsVersion40AndOneMoreByteDoesNot() throws {
        // Given the 8-bit capacity of version 40 at level L
        let full = [UInt8](repeating: 0x5A, count: QRMatrix.maxByteCapacity)

        // When it is encoded
        let matrix = try QRMatrix(bytes: full, errorCorrection: .low)

        // Then it takes the largest symbol, and one byte more no longer fits
        #expect(matrix.version == 40)
        #expect(matrix.size == 177)
        #expect(throws: QREncodeError.tooLong(byteCount: 2_954)) {
            try QRMatrix(bytes: full + [0x5A], errorCorrection: .low)
        }
    }

    @Test func encode_atLevelHigh_rejectsWhatFitsAtLevelLow() throws {
        // Given 1 274 bytes: v40-H holds 1 273; at L, v25 holds 1 273 and v26 1 367
        let payload = [UInt8](repeating: 0x30, count: 1_274)

        // Then
        #expect(try QRMatrix(bytes: payload, errorCorrection: .low).version == 26)
        #expect(throws: QREncodeError.tooLong(byteCount: 1_274)) {
            try QRMatrix(bytes: payload, errorCorrection: .high)
        }
    }

    @Test func encode_bytesWithNUL_areAccepted() throws {
        let matrix = try QRMatrix(bytes: [0x00, 0x01, 0x00, 0xFF])
        #expect(matrix.version == 1)
    }
}
