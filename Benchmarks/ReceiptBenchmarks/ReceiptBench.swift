import DeviceProtocols

/// Receipt rendering, encoding and decoding benchmarks; results go to `<dir>/receipt.json`.
@main
struct ReceiptBench {
    static func main() {
        print("receipt-bench")
    }
}
