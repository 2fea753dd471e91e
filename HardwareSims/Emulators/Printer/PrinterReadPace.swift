/// The serve loop's reading pace while a slow-consumer fault holds.
public struct PrinterReadPace: Sendable, Equatable {
    /// Most bytes read per pass, ≥ 1.
    public var maxBytesPerPass: Int
    /// Pause between passes.
    public var delay: Duration

    /// A pace; `maxBytesPerPass` is raised to 1 and `delay` to zero when below.
    public init(maxBytesPerPass: Int, delay: Duration) {
        self.maxBytesPerPass = max(1, maxBytesPerPass)
        self.delay = max(.zero, delay)
    }
}
