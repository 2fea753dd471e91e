import DeviceProtocols
import Foundation
import KioskHAL

/// Where an `ImageCodeScanner` gets its frames: a camera grabber, a spool of image files, or
/// a test. One consumer; the frame stream finishes when the source is gone.
public protocol ImageFrameSource: Sendable {
    /// A name for logs and errors, e.g. `camera0`.
    var name: String { get }
    /// The frames in arrival order; finishes when the source closes (camera unplugged).
    func frames() -> AsyncStream<GreyImage>
    /// Closes the source; its frame stream finishes. Closing twice is harmless.
    func close() async
}

/// An in-memory frame source: whoever holds it (a camera grabber, the simulator's control API,
/// a test) sends frames or image files, and the scanner reads them in order. At most
/// `bufferLimit` frames wait; when the scanner falls behind, the oldest are dropped (a camera's
/// newest frame is the one that matters).
public final class ImageFrameChannel: ImageFrameSource {
    /// The name given at creation.
    public let name: String
    /// The largest image file accepted by `send(file:)`, in bytes (default 64 MiB).
    public let maximumFileBytes: Int
    private let stream: AsyncStream<GreyImage>
    private let sink: AsyncStream<GreyImage>.Continuation

    /// A channel holding at most `bufferLimit` (≥ 1) unread frames.
    public init(name: String, bufferLimit: Int = 8, maximumFileBytes: Int = 64 * 1024 * 1024) {
        self.name = name
        self.maximumFileBytes = maximumFileBytes
        (stream, sink) = AsyncStream.makeStream(of: GreyImage.self, bufferingPolicy: .bufferingNewest(max(1, bufferLimit)))
    }

    /// Queues one frame; ignored once the channel is closed.
    public func send(_ image: GreyImage) {
        sink.yield(image)
    }

    /// Decodes a PGM (`P5` or `P2`) or 8-bit greyscale PNG file with the product's one reader,
    /// `GreyImage.decodeFile`, and queues it as one frame.
    /// - Throws: `ImageFileError` (nothing is queued then): `.unsupported` for a file over
    ///   `maximumFileBytes`, `.tooLarge` for an image over `maximumPixelCount` pixels.
    public func send(file bytes: [UInt8], maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) {
        guard bytes.count <= maximumFileBytes else {
            throw .unsupported("file of \(bytes.count) bytes exceeds \(maximumFileBytes)")
        }
        send(try GreyImage.decodeFile(bytes, maximumPixelCount: maximumPixelCount))
    }

    /// Reads the image file at `path` (PGM or PNG) and queues it as one frame.
    /// - Throws: `ImageFileError`; `.truncated` naming the path when the file cannot be read.
    public func send(contentsOf path: String, maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue
        else { throw .truncated("file \(path) (cannot be read)") }
        guard size <= maximumFileBytes else { throw .unsupported("file of \(size) bytes exceeds \(maximumFileBytes)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .truncated("file \(path) (cannot be read)") }
        try send(file: [UInt8](data), maximumPixelCount: maximumPixelCount)
    }

    /// The frames in order, for the one scanner reading this channel.
    public func frames() -> AsyncStream<GreyImage> { stream }

    /// Finishes the frame stream after the frames already queued.
    public func close() async {
        sink.finish()
    }
}
