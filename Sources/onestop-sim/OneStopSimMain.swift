import OneStopSim

/// Entry point of the reference one-stop backend.
@main
struct OneStopSimMain {
    static func main() {
        print("onestop-sim: contract \(OneStopSimVersion.contract)")
    }
}
