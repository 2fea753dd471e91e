import CFreeType
import Foundation

/// One font face loaded with FreeType, used to check glyph coverage and (later) rasterise text.
///
/// The class owns a private `FT_Library` and one `FT_Face` and frees both on deinit. FreeType
/// faces are not thread-safe, so `FontFace` is deliberately not `Sendable`: keep an instance
/// inside one actor or task, or create one per user.
public final class FontFace {
    /// The font used when nothing is configured: DejaVu Sans, which covers Vietnamese fully.
    public static let fallbackPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// Environment variable that overrides `fallbackPath` when set to a non-empty value.
    public static let environmentKey = "KIOSK_FONT_PATH"

    /// The font path to use: `KIOSK_FONT_PATH` from `environment` when set and non-empty,
    /// otherwise `fallbackPath`. Never fails; whether the file loads is checked by `init`.
    public static func defaultPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let configured = environment[environmentKey], !configured.isEmpty {
            return configured
        }
        return fallbackPath
    }

    /// File the face was loaded from, as given.
    public let path: String
    /// Family name stored in the font (e.g. `DejaVu Sans`), or `nil` when the font has none.
    public let familyName: String?
    /// Number of glyphs in the face, including glyph 0 (the "missing glyph" box).
    public let glyphCount: Int

    private let library: FT_Library
    /// The FreeType face; internal so the glyph renderer (FontFace+Glyphs.swift) can use it.
    let face: FT_Face

    /// Loads face `faceIndex` (0 for plain .ttf/.otf files) from `path` and selects its Unicode
    /// character map; throws `FontFaceError` naming the path when the file is missing or
    /// unreadable, is not a font, or has no Unicode map.
    public init(path: String = FontFace.defaultPath(), faceIndex: Int = 0) throws(FontFaceError) {
        var newLibrary: FT_Library?
        let initStatus = FT_Init_FreeType(&newLibrary)
        guard initStatus == 0, let library = newLibrary else {
            throw .freeTypeUnavailable(freeTypeError: initStatus)
        }

        var newFace: FT_Face?
        let openStatus = FT_New_Face(library, path, faceIndex, &newFace)
        guard openStatus == 0, let face = newFace else {
            FT_Done_FreeType(library)
            throw Self.openError(status: openStatus, path: path)
        }

        guard FT_Select_Charmap(face, FT_ENCODING_UNICODE) == 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            throw .noUnicodeCharacterMap(path: path)
        }

        self.path = path
        self.library = library
        self.face = face
        self.familyName = face.pointee.family_name.map { String(cString: $0) }
        self.glyphCount = face.pointee.num_glyphs
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    /// The glyph index FreeType maps `scalar` to; 0 means the font has no glyph for it.
    public func glyphIndex(for scalar: Unicode.Scalar) -> UInt32 {
        FT_Get_Char_Index(face, FT_ULong(scalar.value))
    }

    /// Whether the font has a glyph for `scalar`.
    public func hasGlyph(for scalar: Unicode.Scalar) -> Bool {
        glyphIndex(for: scalar) != 0
    }

    /// The distinct scalars of `text` (after NFC normalisation, in order of first appearance)
    /// for which the font has no glyph; whitespace, control and format characters are ignored
    /// because they are never drawn. Empty when the font covers the whole text.
    public func missingGlyphs(in text: String) -> [Unicode.Scalar] {
        let composed = text.precomposedStringWithCanonicalMapping
        var seen = Set<Unicode.Scalar>()
        var missing: [Unicode.Scalar] = []
        for scalar in composed.unicodeScalars where Self.isDrawn(scalar) {
            guard seen.insert(scalar).inserted else { continue }
            if !hasGlyph(for: scalar) {
                missing.append(scalar)
            }
        }
        return missing
    }

    /// Whether a scalar produces ink: not whitespace, not a control (Cc), not a format mark (Cf).
    private static func isDrawn(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .control, .format: return false
        default: return true
        }
    }

    /// Maps an `FT_New_Face` failure to the error kind a technician can act on.
    private static func openError(status: FT_Error, path: String) -> FontFaceError {
        switch status {
        case freeTypeCannotOpenResource:
            if FileManager.default.fileExists(atPath: path) {
                return .unreadable(path: path)
            }
            return .fileNotFound(path: path)
        case freeTypeUnknownFileFormat, freeTypeInvalidFileFormat:
            return .notAFont(path: path, freeTypeError: status)
        default:
            return .loadFailed(path: path, freeTypeError: status)
        }
    }

    // FreeType's error numbers (fterrdef.h) are generated by macros; the stable values are
    // written out here.
    private static let freeTypeCannotOpenResource: FT_Error = 0x01
    private static let freeTypeUnknownFileFormat: FT_Error = 0x02
    private static let freeTypeInvalidFileFormat: FT_Error = 0x03
}

@available(*, unavailable, message: "FreeType faces are not thread-safe; keep a FontFace in one isolation domain")
extension FontFace: Sendable {}

/// Why a font could not be loaded; every case that concerns a file names its path.
public enum FontFaceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// FreeType itself could not start (FreeType error code attached); out of memory in practice.
    case freeTypeUnavailable(freeTypeError: Int32)
    /// No file exists at the path.
    case fileNotFound(path: String)
    /// The file exists but cannot be opened (permissions, a directory, I/O error).
    case unreadable(path: String)
    /// The file is not a font format FreeType understands, or is corrupt.
    case notAFont(path: String, freeTypeError: Int32)
    /// The font has no Unicode character map, so text cannot be mapped to glyphs.
    case noUnicodeCharacterMap(path: String)
    /// Any other FreeType failure while opening the face.
    case loadFailed(path: String, freeTypeError: Int32)

    /// A one-line English explanation for logs, naming the path.
    public var description: String {
        switch self {
        case let .freeTypeUnavailable(code): "FreeType failed to initialise (error \(code))"
        case let .fileNotFound(path): "font file not found: \(path)"
        case let .unreadable(path): "font file cannot be opened: \(path)"
        case let .notAFont(path, code): "not a usable font file (FreeType error \(code)): \(path)"
        case let .noUnicodeCharacterMap(path): "font has no Unicode character map: \(path)"
        case let .loadFailed(path, code): "font failed to load (FreeType error \(code)): \(path)"
        }
    }
}
