import KioskHAL

extension PrintedPage {
    /// Whether this page shows `job`'s picture at its top, from the left edge, with only blank
    /// rows (the feed before the cut) below it. Meaningful for a job as wide as the paper or
    /// printed left-aligned; `false` when the widths differ or the page is shorter than the job.
    public func shows(_ job: ReceiptPrintJob) -> Bool {
        let stride = bitmap.bytesPerRow
        guard width == job.widthDots, height >= job.heightDots else { return false }
        let split = stride * job.heightDots
        return bitmap.rows[..<split].elementsEqual(job.packedRows)
            && bitmap.rows[split...].allSatisfy { $0 == 0 }
    }
}
