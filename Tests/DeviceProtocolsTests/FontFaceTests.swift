import Foundation
import Testing
@testable import DeviceProtocols

@Suite struct FontFaceTests {
    static let vietnamese = "Nguyễn Thị Thu Hà, Bùi Văn Ữ, Ỵ Ậ Ặ ẫ ỡ đ Đ"

    @Test func defaultFont_isDejaVuSans() throws {
        // Given the fallback path (the test environment does not override it)
        let face = try FontFace(path: FontFace.fallbackPath)

        // Then it is the font the receipts are designed for
        #expect(face.path == "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        #expect(face.familyName == "DejaVu Sans")
        #expect(face.glyphIndex(for: "A") == 36)
    }

    @Test func everyVietnameseLetter_hasAGlyphInDejaVuSans() throws {
        // Given DejaVu Sans and the letters of a Vietnamese sample (NFC)
        let face = try FontFace(path: FontFace.fallbackPath)
        let letters = Self.vietnamese.precomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.isAlphabetic }

        // When each is looked up
        let unmapped = letters.filter { face.glyphIndex(for: $0) == 0 }

        // Then none maps to the missing-glyph box, and the set really includes the hard ones
        #expect(letters.count == 28)
        #expect(letters.contains("Ữ") && letters.contains("Ỵ") && letters.contains("đ"))
        #expect(unmapped.isEmpty)
        #expect(face.missingGlyphs(in: Self.vietnamese) == [])
    }

    @Test func missingGlyphs_reportsEachUncoveredScalarOnceInOrder() throws {
        // Given text mixing Vietnamese with CJK that DejaVu Sans lacks, plus spaces and controls
        let face = try FontFace(path: FontFace.fallbackPath)
        let text = "Hà 漢\t字 漢\n\u{200D}Đ"

        // When / Then only the ideographs are reported, once each, in order of appearance
        #expect(face.missingGlyphs(in: text) == ["漢", "字"])
        #expect(face.glyphIndex(for: "漢") == 0)
        #expect(!face.hasGlyph(for: "字"))
    }

    @Test func missingGlyphs_ofNFDInput_equalsThatOfNFCInput() throws {
        // Given the same text composed and fully decomposed
        let face = try FontFace(path: FontFace.fallbackPath)
        let composed = Self.vietnamese + " 漢"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)

        // When / Then normalisation makes both report the same, composed, scalars
        #expect(face.missingGlyphs(in: decomposed) == face.missingGlyphs(in: composed))
        #expect(face.missingGlyphs(in: decomposed) == ["漢"])
    }

    @Test func init_whenFileIsMissing_throwsFileNotFoundNamingThePath() {
        let path = "/nonexistent/fonts/NoSuchFont.ttf"
        #expect(throws: FontFaceError.fileNotFound(path: path)) {
            try FontFace(path: path)
        }
        #expect(FontFaceError.fileNotFound(path: path).description.contains(path))
    }

    @Test func init_whenFileIsText_throwsNotAFont() throws {
        // Given a plain text file in a fresh temporary directory
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fontface-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("receipt.ttf")
        try Data("Biên nhận hồ sơ\n".utf8).write(to: file)

        // When / Then FreeType's "unknown file format" (2) becomes notAFont with the path
        #expect(throws: FontFaceError.notAFont(path: file.path, freeTypeError: 2)) {
            try FontFace(path: file.path)
        }
    }

    @Test func defaultPath_whenEnvironmentSetsKioskFontPath_usesIt() {
        let environment = ["KIOSK_FONT_PATH": "/opt/kiosk/fonts/BeVietnamPro.ttf", "HOME": "/root"]
        #expect(FontFace.defaultPath(environment: environment) == "/opt/kiosk/fonts/BeVietnamPro.ttf")
    }

    @Test func defaultPath_whenVariableIsUnsetOrEmpty_fallsBackToDejaVuSans() {
        #expect(FontFace.defaultPath(environment: [:]) == "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        #expect(FontFace.defaultPath(environment: ["KIOSK_FONT_PATH": ""]) == FontFace.fallbackPath)
    }
}
