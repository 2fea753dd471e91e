import DeviceProtocols
import KioskDrivers
import KioskHAL
import Testing

/// Hands the image scanner a fresh frame channel on every open and keeps the current one, so a
/// test can present frames (the camera) and close the source (the camera unplugged).
actor FrameSourceSwitch {
    private(set) var current: ImageFrameChannel?
    private var opened = 0

    /// The scanner's opener.
    func open() -> any ImageFrameSource {
        opened += 1
        let channel = ImageFrameChannel(name: "camera0-\(opened)")
        current = channel
        return channel
    }

    /// The open channel; fails the test when the scanner has none.
    func channel() throws -> ImageFrameChannel {
        try #require(current)
    }
}

/// An `ImageCodeScanner` on a `FrameSourceSwitch`, with a stepped clock.
struct ImageScannerRig: Sendable {
    static let debounceWindow: Duration = .seconds(2)
    static let maximumLength = 128
    static let maximumPixelCount = 640 * 480

    let driver: ImageCodeScanner
    let source: FrameSourceSwitch
    let clock: SteppedClock

    /// Runs the scanner while `body` drives the test; stops it afterwards.
    static func run(_ body: @escaping @Sendable (ImageScannerRig) async throws -> Void) async throws {
        let clock = SteppedClock()
        let source = FrameSourceSwitch()
        let configuration = ImageCodeScannerConfiguration(
            maximumLength: maximumLength, maximumPixelCount: maximumPixelCount, debounceWindow: debounceWindow)
        let driver = ImageCodeScanner(name: "camera0", configuration: configuration, clock: clock) {
            await source.open()
        }
        let rig = ImageScannerRig(driver: driver, source: source, clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await driver.run() }
            defer { group.cancelAll() }
            try await body(rig)
        }
    }

    /// Shows `image` to the camera.
    func present(_ image: GreyImage) async throws {
        try await source.channel().send(image)
    }

    /// A QR code of `text` (or of raw `bytes`), 4 px per module.
    static func qr(_ text: String) throws -> GreyImage {
        try QRMatrix(text: text).rasterised(moduleSize: 4)
    }

    static func qr(bytes: [UInt8]) throws -> GreyImage {
        try QRMatrix(bytes: bytes).rasterised(moduleSize: 4)
    }

    /// `left` and `right` side by side on white, as one frame.
    static func sideBySide(_ left: GreyImage, _ right: GreyImage) throws -> GreyImage {
        let height = max(left.height, right.height)
        var frame = try GreyImage(width: left.width + right.width, height: height)
        var pixels = frame.pixels
        for y in 0..<height {
            for x in 0..<left.width { if let value = left.pixel(x: x, y: y) { pixels[y * frame.width + x] = value } }
            for x in 0..<right.width { if let value = right.pixel(x: x, y: y) { pixels[y * frame.width + left.width + x] = value } }
        }
        frame = try GreyImage(width: frame.width, height: height, pixels: pixels)
        return frame
    }
}
