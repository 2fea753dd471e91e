import OneStopWire

/// What onestop-sim reports about itself.
public enum OneStopSimVersion {
    /// The contract version the simulator serves.
    public static let contract = OneStopContractVersion.current
}
