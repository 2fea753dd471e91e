import Foundation

/// Everything `onestop-sim` needs to run: where to listen, which kiosks may call with which
/// tokens, where its database and seed data are, and the office details printed in SMS and QR.
public struct OneStopSimConfiguration: Sendable {
    /// Host to bind, `127.0.0.1` by default.
    public var host: String
    /// Port to bind; 0 picks a free port (reported by `OneStopSimServer.onListening`).
    public var port: Int
    /// SQLite file; `nil` keeps the database in memory (lost on exit).
    public var databasePath: String?
    /// `dossiers.json` to seed from (the `data/seed/` form), when the database is new.
    public var dossierSeedPath: String?
    /// `procedures.json` to seed from, when the database is new.
    public var procedureSeedPath: String?
    /// Kiosk id → bearer token. Never empty; tokens are at least 16 characters.
    public var kioskTokens: [String: String]
    /// PBKDF2 iterations for pickup codes and PINs (tests lower it; at least 1,000).
    public var hashIterations: Int
    /// Seed of the pickup-code generator; `nil` uses the system's secure generator.
    public var codeSeed: UInt64?
    /// Days a loaded result waits for its citizen (the pickup deadline is the end of that day).
    public var holdingDays: Int
    /// The place name in SMS texts ("Vi Thanh"), ASCII.
    public var placeName: String
    /// The hotline in SMS texts.
    public var hotline: String
    /// The office's bank BIN for VietQR (6 digits).
    public var bankBIN: String
    /// The office's bank account for VietQR.
    public var bankAccount: String
    /// How long a payment request stays payable, seconds.
    public var paymentValiditySeconds: Int

    /// A configuration with the demo office's details; `kioskTokens` must be filled in.
    public init(
        host: String = "127.0.0.1", port: Int = 0, databasePath: String? = nil, dossierSeedPath: String? = nil,
        procedureSeedPath: String? = nil, kioskTokens: [String: String], hashIterations: Int = 210_000,
        codeSeed: UInt64? = nil, holdingDays: Int = 7, placeName: String = "Vi Thanh",
        hotline: String = "02933878000", bankBIN: String = "970405", bankAccount: String = "7600201012345",
        paymentValiditySeconds: Int = 600
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.dossierSeedPath = dossierSeedPath
        self.procedureSeedPath = procedureSeedPath
        self.kioskTokens = kioskTokens
        self.hashIterations = hashIterations
        self.codeSeed = codeSeed
        self.holdingDays = holdingDays
        self.placeName = placeName
        self.hotline = hotline
        self.bankBIN = bankBIN
        self.bankAccount = bankAccount
        self.paymentValiditySeconds = paymentValiditySeconds
    }

    /// Checks the values that would otherwise fail later and less clearly.
    /// - Throws: `OneStopSimError.configuration` naming the first bad value.
    public func validate() throws(OneStopSimError) {
        guard !kioskTokens.isEmpty else { throw .configuration("at least one --kiosk ID=TOKEN is required") }
        for (kiosk, token) in kioskTokens {
            guard !kiosk.isEmpty, kiosk.utf8.count <= 32,
                kiosk.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { throw .configuration("kiosk id '\(kiosk)' must be 1-32 of A-Z a-z 0-9 _ -") }
            guard token.utf8.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw .configuration("the token of kiosk \(kiosk) must be at least 16 printable ASCII characters")
            }
        }
        guard (0...65535).contains(port) else { throw .configuration("port \(port) is not 0-65535") }
        guard (1_000...10_000_000).contains(hashIterations) else {
            throw .configuration("hash iterations \(hashIterations) is not 1000-10000000")
        }
        guard (1...90).contains(holdingDays) else { throw .configuration("holding days \(holdingDays) is not 1-90") }
        guard (10...86_400).contains(paymentValiditySeconds) else {
            throw .configuration("payment validity \(paymentValiditySeconds) s is not 10-86400")
        }
    }
}
