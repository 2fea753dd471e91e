/// Why a control action on the printer emulator was refused.
public enum PrinterControlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The paper width is not a multiple of 8 dots in 8...4096.
    case invalidPaperWidth(Int)
    /// The line height is not in 1...255 dots.
    case invalidLineHeight(Int)
    /// No finished page has this 0-based index (pages held).
    case noSuchPage(index: Int, count: Int)
    /// The page exceeds what `GreyImage` (and so PNG export) can hold.
    case pageTooLargeForImage(width: Int, height: Int)

    /// A one-line English explanation for logs and the panel.
    public var description: String {
        switch self {
        case let .invalidPaperWidth(width):
            "paper width \(width) dots is not a multiple of 8 in 8...4096"
        case let .invalidLineHeight(height):
            "line height \(height) dots is outside 1...255"
        case let .noSuchPage(index, count):
            "no page \(index): \(count) pages held"
        case let .pageTooLargeForImage(width, height):
            "page \(width)×\(height) exceeds the image limits"
        }
    }
}
