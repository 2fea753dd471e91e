import Foundation
import KioskSync
import Testing

@Suite struct SyncEndpointTests {
    @Test func endpointsWithDifferentKiosksDiffer() throws {
        let url = try #require(URL(string: "http://127.0.0.1:8081/kiosk-api/v1"))
        #expect(SyncEndpoint(baseURL: url, kioskID: "KIOSK-01") != SyncEndpoint(baseURL: url, kioskID: "KIOSK-02"))
    }
}
