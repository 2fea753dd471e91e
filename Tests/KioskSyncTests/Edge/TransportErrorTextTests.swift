import Foundation
import NIOCore
import Testing
@testable import KioskSync

/// The words a transport failure is reported with: the cause named by its errno, the address, and
/// nothing of NIO's long descriptions.
@Suite struct TransportErrorTextTests {
    /// NIO's own wrapper for one failed connection attempt, as its connection errors hold it.
    private struct WrappedAttempt: Error {
        var host: String
        var port: Int
        var attempts: [any Error]
    }

    @Test(arguments: [
        (ECONNREFUSED, "connection refused by 10.0.0.5:443"),
        (ECONNRESET, "connection reset by 10.0.0.5:443"),
        (ETIMEDOUT, "connection to 10.0.0.5:443 timed out"),
        (EHOSTUNREACH, "no route to host 10.0.0.5:443"),
        (ENETUNREACH, "network unreachable for 10.0.0.5:443"),
    ])
    func socketError_isNamedByItsErrno_withTheBackendsAddress(code: CInt, expected: String) {
        // NIO reports a failed connect as "connection reset (error set)" whatever the errno was
        let error = IOError(errnoCode: code, reason: "connection reset (error set)")
        #expect(TransportErrorText.describe(error, address: "10.0.0.5:443") == expected)
    }

    @Test func addressInsideTheError_winsOverTheConfiguredOne_andParenthesesStayBalanced() {
        let error = WrappedAttempt(
            host: "motcua.example.gov.vn", port: 8443,
            attempts: [IOError(errnoCode: ECONNREFUSED, reason: "connection reset (error set)")])
        let text = TransportErrorText.describe(error, address: "backend:443")
        #expect(text == "connection refused by motcua.example.gov.vn:8443")
        #expect(BackendFailure.transport(text).description == "backend unreachable: connection refused by motcua.example.gov.vn:8443")
    }

    @Test func errorWithoutASocketError_keepsItsDescription_cutTo200Characters() {
        struct Odd: Error, CustomStringConvertible { var description: String { String(repeating: "x", count: 300) } }
        #expect(TransportErrorText.describe(Odd(), address: "backend:443") == String(repeating: "x", count: 200))
    }
}
