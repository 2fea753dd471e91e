import DeviceProtocols
import KioskHAL

/// An emulated QR scanner served on a `ByteStream` (an in-memory pipe in unit tests, a PTY in
/// kiosk-hwsim). It sends what a real scanner sends: in serial-line mode each code as UTF-8 with
/// an optional AIM prefix and the configured suffix; in keyboard-wedge mode 24-byte evdev
/// `input_event` records typing the code on a US layout, then Enter. It only writes: bytes from
/// the host are read and ignored. The control API (`scan(text:)`, `scan(image:)`, faults) queues
/// transmissions that `serve(on:)` writes in order.
public actor ScannerEmulator {
    /// How the emulated scanner is wired.
    public enum Mode: Sendable, Equatable {
        /// A CDC-ACM / serial scanner: payload, then `suffix`; `]Q1` first when `aimPrefix`.
        case serialLine(suffix: LineSuffix, aimPrefix: Bool)
        /// A HID scanner typing as a keyboard (ASCII only), read through evdev.
        case keyboardWedge
    }

    /// The line terminator a serial scanner is set up to send.
    public enum LineSuffix: String, Sendable, Equatable, CaseIterable {
        /// CR (0x0D).
        case carriageReturn
        /// CR LF (0x0D 0x0A).
        case carriageReturnLineFeed
        /// LF (0x0A).
        case lineFeed

        /// The terminator's bytes.
        public var bytes: [UInt8] {
            switch self {
            case .carriageReturn: [0x0D]
            case .carriageReturnLineFeed: [0x0D, 0x0A]
            case .lineFeed: [0x0A]
            }
        }
    }

    /// One queued piece of output.
    enum Transmission: Sendable {
        case bytes([UInt8])
        case pause(Duration)
    }

    /// The wiring; fixed for the emulator's lifetime.
    public nonisolated let mode: Mode
    /// The AIM identifier sent before each serial line when enabled (QR Code, model 2).
    public static let aimQRPrefix: [UInt8] = Array("]Q1".utf8)

    var queue: [Transmission] = []
    /// Emulator time since creation, used for evdev timestamps.
    let elapsed: @Sendable () -> Duration
    let sleep: @Sendable (Duration) async throws -> Void
    /// The timestamp of the last evdev record, so records never go back in time.
    var lastEventTime: Duration = .zero
    var sent: [String] = []

    /// An emulator in `mode` whose pauses and timestamps use `clock`.
    public init<C: Clock<Duration>>(mode: Mode, clock: C) {
        self.mode = mode
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }

    /// An emulator in `mode` on the continuous clock.
    public init(mode: Mode) {
        self.init(mode: mode, clock: ContinuousClock())
    }

    /// Every payload queued by `scan(text:)` or `scan(image:)` so far, in order.
    public var sentPayloads: [String] { sent }

    /// Transmissions queued and not yet written.
    public var pendingTransmissions: Int { queue.count }

    /// Writes queued transmissions on `stream` until the task is cancelled or the stream reports
    /// `.disconnected` (both end quietly). Between writes it waits at most `poll` (> 0) for host
    /// bytes, which it discards, so a closed peer is noticed even while idle. Each write is
    /// bounded by `writeTimeout`; a transmission whose write failed is kept for the next stream.
    /// - Throws: any other `HALError` from the stream (a write `.timedOut`, for instance).
    public func serve(
        on stream: any ByteStream, poll: Duration = .milliseconds(10), writeTimeout: Duration = .seconds(1)
    ) async throws {
        while !Task.isCancelled {
            if let next = queue.first {
                switch next {
                case .pause(let duration):
                    queue.removeFirst()
                    guard (try? await sleep(duration)) != nil else { return }
                case .bytes(let bytes):
                    do {
                        try await stream.write(bytes, timeout: writeTimeout)
                    } catch let error as HALError where error.kind == .disconnected {
                        return
                    } catch is CancellationError {
                        return
                    }
                    if !queue.isEmpty { queue.removeFirst() }
                }
                continue
            }
            do {
                _ = try await stream.read(maxCount: 256, timeout: poll)
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch let error as HALError where error.kind == .disconnected {
                return
            } catch is CancellationError {
                return
            }
        }
    }

    /// Queues raw output exactly as given (tests and faults).
    func enqueue(_ transmission: Transmission) {
        queue.append(transmission)
    }
}

/// Why a control request to the scanner emulator was refused.
public enum ScannerControlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The image held no decodable symbol.
    case noSymbolInImage
    /// The image could not be handed to the decoder; the value says why.
    case imageNotDecodable(String)
    /// A decoded symbol's bytes are not UTF-8 text.
    case symbolNotText
    /// A keyboard wedge cannot type this character on its layout (non-ASCII, control character).
    case unmappableCharacter(Character)
    /// The text is empty; a scanner never sends an empty code.
    case emptyText

    /// A short English sentence for logs.
    public var description: String {
        switch self {
        case .noSymbolInImage: "no barcode found in the image"
        case .imageNotDecodable(let reason): "image not decodable: \(reason)"
        case .symbolNotText: "decoded symbol is not UTF-8 text"
        case .unmappableCharacter(let character): "a keyboard wedge cannot type \(character.debugDescription)"
        case .emptyText: "empty scan text"
        }
    }
}
