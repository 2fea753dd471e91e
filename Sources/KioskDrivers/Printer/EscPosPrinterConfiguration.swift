import DeviceProtocols
import KioskHAL

/// How an ESC/POS receipt printer is built and timed. Every vendor detail (width, resolution,
/// cutter, near-end sensor) is configuration, never code. Durations must be positive.
public struct EscPosPrinterConfiguration: Sendable, Equatable {
    /// Paper width in dots (384 for 58 mm, 576 for most 80 mm, 512 for TM-T88), resolution,
    /// cutter and near-end sensor.
    public var capabilities: ReceiptPrinterCapabilities
    /// Alignment of a picture narrower than the paper (default centred).
    public var alignment: EscPosAlignment
    /// Most rows per `GS v 0` strip, 1...65 535 (default 256, safe on every model met so far).
    public var maxStripRows: Int
    /// How long the four status replies may take when the printer is idle (default 1 s); no
    /// reply within it means offline.
    public var statusTimeout: Duration
    /// How often status is read while no job runs, so paper and cover changes surface as
    /// events (default 2 s).
    public var statusPollInterval: Duration
    /// Bytes per write while sending a job (default 4096); between chunks the job's bound and
    /// cancellation are checked.
    public var writeChunkSize: Int
    /// The longest the printer may take to accept one chunk (default 10 s); a slow printer
    /// that keeps taking chunks within it is not a failure while the job's bound lasts.
    public var writeTimeout: Duration
    /// The first wait before reopening a lost stream (default 100 ms); doubles per failure.
    public var reconnectInitial: Duration
    /// The longest wait between reopen attempts (default 5 s).
    public var reconnectMaximum: Duration

    /// A configuration for `capabilities`; every timing has a default.
    public init(
        capabilities: ReceiptPrinterCapabilities = ReceiptPrinterCapabilities(
            paperWidthDots: 576, dotsPerInch: 203, hasCutter: true, reportsPaperNearEnd: true),
        alignment: EscPosAlignment = .center, maxStripRows: Int = EscPosJob.defaultMaxStripRows,
        statusTimeout: Duration = .seconds(1), statusPollInterval: Duration = .seconds(2),
        writeChunkSize: Int = 4096, writeTimeout: Duration = .seconds(10),
        reconnectInitial: Duration = .milliseconds(100), reconnectMaximum: Duration = .seconds(5)
    ) {
        self.capabilities = capabilities
        self.alignment = alignment
        self.maxStripRows = maxStripRows
        self.statusTimeout = statusTimeout
        self.statusPollInterval = statusPollInterval
        self.writeChunkSize = writeChunkSize
        self.writeTimeout = writeTimeout
        self.reconnectInitial = reconnectInitial
        self.reconnectMaximum = reconnectMaximum
    }

    /// The next reconnect wait after `current`: doubled, capped at `reconnectMaximum`.
    func backoff(after current: Duration) -> Duration {
        min(current * 2, reconnectMaximum)
    }
}
