/// Polls `condition` every 20 ms until it holds or the hang guard passes (generous by default:
/// the point is to wait for something asynchronous, never to measure how long it takes).
/// - Returns: whether `condition` held before the guard passed.
public func eventually(guardSeconds: Int = 60, _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .seconds(guardSeconds))
    while clock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
