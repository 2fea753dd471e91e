import DeviceProtocols
import KioskDrivers
import KioskHAL
import Testing

/// The translation of a `ReceiptPrintJob` into ESC/POS bytes, pinned byte for byte.
@Suite struct EscPosJobPlanTests {
    static let cutter = ReceiptPrinterCapabilities(paperWidthDots: 384, dotsPerInch: 203, hasCutter: true, reportsPaperNearEnd: true)
    static let noCutter = ReceiptPrinterCapabilities(paperWidthDots: 384, dotsPerInch: 203, hasCutter: false, reportsPaperNearEnd: true)

    @Test func smallJob_isInitKanjiOffAlignRasterFeedAndPartialCut() throws {
        let job = try ReceiptPrintJob(id: "t", widthDots: 16, heightDots: 2, packedRows: [0xF0, 0x0F, 0x81, 0x18], feedLines: 3)
        let plan = try EscPosJobPlan(job: job, capabilities: Self.cutter)
        #expect(plan.bytes == [
            0x1B, 0x40, 0x1C, 0x2E, 0x1B, 0x61, 0x01,
            0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0xF0, 0x0F, 0x81, 0x18,
            0x1B, 0x64, 0x03,
            0x1D, 0x56, 0x01,
        ])
        #expect(plan.stripCount == 1)
        #expect(plan.strayStatusReplies == 0)
    }

    @Test func finish_fullCutFeedOnlyAndNoCutter_endTheJobAccordingly() throws {
        let rows: [UInt8] = [0xFF]
        let full = try ReceiptPrintJob(id: "f", widthDots: 8, heightDots: 1, packedRows: rows, feedLines: 0, finish: .fullCut)
        let feed = try ReceiptPrintJob(id: "n", widthDots: 8, heightDots: 1, packedRows: rows, feedLines: 0, finish: .feedOnly)
        #expect(try EscPosJobPlan(job: full, capabilities: Self.cutter).bytes.suffix(6) == [0x1B, 0x64, 0x00, 0x1D, 0x56, 0x00])
        #expect(try EscPosJobPlan(job: feed, capabilities: Self.cutter).bytes.suffix(3) == [0x1B, 0x64, 0x00])
        #expect(try EscPosJobPlan(job: full, capabilities: Self.noCutter).bytes.suffix(3) == [0x1B, 0x64, 0x00])
    }

    @Test func tallPicture_isSplitIntoStripsOfAtMostTheConfiguredRows() throws {
        let job = try ReceiptPrintJob(id: "tall", widthDots: 8, heightDots: 600, packedRows: [UInt8](repeating: 0xAA, count: 600))
        let plan = try EscPosJobPlan(job: job, capabilities: Self.cutter, alignment: .left, maxStripRows: 256)
        #expect(plan.stripCount == 3)
        // 7 opening bytes + three 8-byte headers + 600 data bytes + feed 3 + cut 3
        #expect(plan.bytes.count == 7 + 3 * 8 + 600 + 3 + 3)
        #expect(Array(plan.bytes[5..<7]) == [0x61, 0x00])
    }

    @Test func paddingBitsBeyondTheWidth_arePrintedWhite() throws {
        let job = try ReceiptPrintJob(id: "pad", widthDots: 10, heightDots: 1, packedRows: [0xFF, 0xFF])
        let plan = try EscPosJobPlan(job: job, capabilities: Self.cutter)
        #expect(Array(plan.bytes[15..<17]) == [0xFF, 0xC0])
    }

    @Test func statusQueryBytesInsideTheRaster_areCountedAsStrayReplies_acrossRowBoundaries() throws {
        // Row 0 ends with 10 04 and row 1 starts with 02: one query; 10 04 05 is none.
        let rows: [UInt8] = [0x00, 0x00, 0x10, 0x04, 0x02, 0x10, 0x04, 0x05]
        let job = try ReceiptPrintJob(id: "s", widthDots: 32, heightDots: 2, packedRows: rows)
        #expect(try EscPosJobPlan(job: job, capabilities: Self.cutter).strayStatusReplies == 1)
    }
}
