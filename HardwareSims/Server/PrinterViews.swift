import DeviceProtocols
import HardwareSims
import Hummingbird

/// One printer as the control API shows it.
public struct PrinterView: Codable, Sendable, Equatable, ResponseEncodable {
    /// Where the printer is reached.
    public struct Links: Codable, Sendable, Equatable {
        /// The stable symlink a driver opens.
        public var link: String
        /// The PTY behind the link while plugged, e.g. `/dev/pts/7`.
        public var pty: String?
        /// The TCP interface address.
        public var tcpHost: String
        /// The TCP port listened on (the one picked when 0 was configured).
        public var tcpPort: Int?
    }

    /// Printer id.
    public var id: String
    /// Paper width in dots.
    public var paperWidthDots: Int
    /// `ok`, `nearEnd` or `out`.
    public var paper: String
    /// `open` or `closed`.
    public var cover: String
    /// `ok` or `failed`.
    public var cutter: String
    /// Whether the printer is online (taken offline by the control API or a fault otherwise).
    public var online: Bool
    /// Whether printing stopped and waits for the cause to clear and `1B 40` to arrive.
    public var stopped: Bool
    /// Finished pages held.
    public var pages: Int
    /// Whether it is plugged in.
    public var plugged: Bool
    /// Where it is served.
    public var links: Links
}

/// Every printer, for `GET /api/printers`.
public struct PrinterList: Codable, Sendable, Equatable, ResponseEncodable {
    /// The printers, by id.
    public var printers: [PrinterView]
}

/// The pages a printer holds, for `GET /api/printers/{id}/pages`.
public struct PrintedPageList: Codable, Sendable, Equatable, ResponseEncodable {
    /// One finished page.
    public struct Page: Codable, Sendable, Equatable {
        /// 0-based index, oldest first; the `n` of `pages/{n}.png`.
        public var index: Int
        /// Width in dots.
        public var width: Int
        /// Height in dot rows.
        public var height: Int
        /// `full`, `partial`, or `nil` when never cut (stopped or cutter failure).
        public var cut: String?
        /// Whether everything sent for the page was printed.
        public var complete: Bool
        /// Black dots on the page.
        public var blackDots: Int
        /// Where its PNG is.
        public var png: String
    }

    /// Printer id.
    public var printer: String
    /// The pages, oldest first.
    public var pages: [Page]
}

extension PrinterHost {
    /// The printer as the control API shows it.
    func view() async -> PrinterView {
        let core = await emulator.snapshot
        let port = await plug.tcpPort
        return PrinterView(
            id: id, paperWidthDots: paperWidth, paper: core.paper.rawValue,
            cover: core.coverOpen ? "open" : "closed", cutter: core.cutterError ? "failed" : "ok",
            online: core.online, stopped: core.isStopped, pages: core.pages.count, plugged: await plug.isPlugged,
            links: .init(link: link, pty: await plug.terminalPath, tcpHost: tcpHost, tcpPort: port.map(Int.init)))
    }

    /// The finished pages as the control API lists them.
    func pageList() async -> PrintedPageList {
        let pages = await emulator.pages.enumerated().map { index, page in
            PrintedPageList.Page(
                index: index, width: page.width, height: page.height, cut: page.cut.map { $0 == .full ? "full" : "partial" },
                complete: page.isComplete, blackDots: page.bitmap.blackDotCount, png: "/api/printers/\(id)/pages/\(index).png")
        }
        return PrintedPageList(printer: id, pages: pages)
    }
}
