import Foundation
import Logging
import Testing
@testable import KioskApp

@Suite struct LogfmtLogHandlerTests {
    @Test func line_hasTimeLevelLoggerMessageAndSortedDottedMetadata() {
        let line = LogfmtLogHandler.format(
            date: Date(timeIntervalSince1970: 1_762_958_825), level: .notice, label: "kioskd",
            message: "slot opened", metadata: ["slot.id": "B-07", "dossier.code": "000.28.21.H28-251107-0012"])
        #expect(line == #"ts=2025-11-12T21:47:05.000+07:00 level=notice logger=kioskd msg="slot opened" dossier.code=000.28.21.H28-251107-0012 slot.id=B-07"#)
    }

    @Test func values_withSpacesQuotesOrNewlines_areQuotedAndEscaped_soOneRecordIsOneLine() {
        #expect(LogfmtLogHandler.quoted("plain") == "plain")
        #expect(LogfmtLogHandler.quoted("") == #""""#)
        #expect(LogfmtLogHandler.quoted("Nguyễn T** Thu Hà") == #""Nguyễn T** Thu Hà""#)
        #expect(LogfmtLogHandler.quoted("a\"b\\c\nd\u{1b}") == #""a\"b\\c\nd\u{1b}""#)
    }

    @Test func records_areWrittenToTheDescriptor_oneLineEach_andBelowLevelDropped() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        var logger = Logger(label: "test") { LogfmtLogHandler(label: $0, level: .info, fileDescriptor: fds[1]) }
        logger[metadataKey: "kiosk.id"] = "KVT01"
        logger.debug("hidden")
        logger.info("first", metadata: ["slot.id": "A-01"])
        logger.error("second")
        close(fds[1])
        let output = String(decoding: FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile(), as: UTF8.self)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("level=info logger=test msg=first kiosk.id=KVT01 slot.id=A-01") == true)
        #expect(lines.last?.contains("level=error") == true)
    }
}
