import BenchmarkSupport

/// Sync throughput benchmarks against onestop-sim on loopback; results go to `<dir>/sync.json`.
@main
struct SyncBench {
    static func main() {
        print("sync-bench")
    }
}
