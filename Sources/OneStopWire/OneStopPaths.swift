/// The contract's paths and headers, shared by client and server.
public enum OneStopPaths {
    /// The header carrying the contract version on requests and answers.
    public static let contractVersionHeader = "X-Contract-Version"
    /// Everything the kiosk calls lives under this prefix.
    public static let apiPrefix = "/api/v1/kiosks"

    /// `/api/v1/kiosks/{MaKiosk}/ho-so-tra` (query `ConTro`, `SoLuong`).
    public static func manifest(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/ho-so-tra" }
    /// `/api/v1/kiosks/{MaKiosk}/su-kien`.
    public static func events(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/su-kien" }
    /// `/api/v1/kiosks/{MaKiosk}/tra-cuu`.
    public static func statusLookup(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/tra-cuu" }
    /// `/api/v1/kiosks/{MaKiosk}/thu-tuc`.
    public static func procedures(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/thu-tuc" }
    /// `/api/v1/kiosks/{MaKiosk}/can-bo`.
    public static func staff(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/can-bo" }
    /// `/api/v1/kiosks/{MaKiosk}/thanh-toan`.
    public static func payments(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/thanh-toan" }
    /// `/api/v1/kiosks/{MaKiosk}/thanh-toan/{MaYeuCau}` (query `ChoToiDa`).
    public static func payment(kiosk: String, id: String) -> String { "\(apiPrefix)/\(kiosk)/thanh-toan/\(id)" }
    /// `/api/v1/kiosks/{MaKiosk}/nhip-tim`.
    public static func heartbeat(kiosk: String) -> String { "\(apiPrefix)/\(kiosk)/nhip-tim" }
}
