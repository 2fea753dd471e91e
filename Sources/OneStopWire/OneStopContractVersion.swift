/// The version of the kiosk ↔ one-stop backend contract (`docs/onestop-sync.openapi.yaml`)
/// these wire models implement. Both sides send it in the `X-Contract-Version` header.
public enum OneStopContractVersion {
    /// Semantic version of the contract.
    public static let current = "1.0.0"
}
