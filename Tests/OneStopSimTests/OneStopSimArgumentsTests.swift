import Foundation
import OneStopSim
import Testing

@Suite struct OneStopSimArgumentsTests {
    @Test func parsesKiosksSeedAndPort() throws {
        let arguments = try OneStopSimArguments([
            "--kiosk", "KVT01=0123456789abcdef0123", "--port", "0", "--seed-dir", "data/seed", "--hash-iterations", "1000",
            "--port-file", "/tmp/p",
        ])
        #expect(arguments.configuration.kioskTokens == ["KVT01": "0123456789abcdef0123"])
        #expect(arguments.configuration.port == 0 && arguments.portFile == "/tmp/p")
        #expect(arguments.configuration.dossierSeedPath == "data/seed/dossiers.json")
    }

    @Test func refusesWhatCannotWorkWithAPreciseMessage() {
        let cases: [([String], String)] = [
            ([], "at least one --kiosk"),
            (["--kiosk", "KVT01=short"], "at least 16"),
            (["--kiosk", "KVT01"], "expected ID=TOKEN"),
            (["--kiosk", "K V=0123456789abcdef"], "kiosk id"),
            (["--kiosk", "A=0123456789abcdef", "--port", "x"], "--port needs a whole number"),
            (["--kiosk", "A=0123456789abcdef", "--port", "70000"], "port 70000"),
            (["--kiosk", "A=0123456789abcdef", "--frobnicate"], "unknown option '--frobnicate'"),
            (["--kiosk", "A=0123456789abcdef", "--hash-iterations", "10"], "hash iterations"),
            (["--kiosk", "A=0123456789abcdef", "--kiosk", "A=0123456789abcdefgh"], "given twice"),
            (["--port"], "--port needs a value"),
        ]
        for (arguments, fragment) in cases {
            do {
                _ = try OneStopSimArguments(arguments)
                Issue.record("accepted \(arguments)")
            } catch {
                #expect(error.description.contains(fragment), "\(arguments): \(error)")
            }
        }
    }

    @Test func helpNeedsNothingElse() throws {
        #expect(try OneStopSimArguments(["--help"]).helpRequested)
        #expect(OneStopSimArguments.usage.contains("Exit status"))
    }

    @Test func aMissingSeedFileIsASeedError() {
        let configuration = OneStopSimConfiguration(
            dossierSeedPath: "/nonexistent/dossiers.json", kioskTokens: ["A": "0123456789abcdef"], hashIterations: 1_000)
        #expect(throws: OneStopSimError.self) { try OneStopBackend(configuration: configuration) }
        do {
            _ = try OneStopBackend(configuration: configuration)
        } catch let error as OneStopSimError {
            guard case .seed(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("/nonexistent/dossiers.json"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
