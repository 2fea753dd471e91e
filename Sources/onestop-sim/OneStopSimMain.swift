import Foundation
import Logging
import OneStopSim
import ServiceLifecycle

/// `onestop-sim`: parse the command line, serve until SIGTERM/SIGINT. Exit status as in `--help`.
@main
struct OneStopSimMain {
    static func main() async {
        let arguments: OneStopSimArguments
        do {
            arguments = try OneStopSimArguments(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail("\(error)\n\(OneStopSimArguments.usage)", status: 2)
        }
        if arguments.helpRequested {
            print(OneStopSimArguments.usage)
            return
        }
        let logger = Logger(label: "onestop-sim")
        let server: OneStopSimServer
        do {
            server = try OneStopSimServer(configuration: arguments.configuration, logger: logger) { port in
                guard let path = arguments.portFile else { return }
                do {
                    try Data("\(port)\n".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    logger.error("cannot write the port file", metadata: ["path": "\(path)", "error": "\(error)"])
                }
            }
        } catch let error as OneStopSimError {
            if case .seed = error { fail("\(error)", status: 3) }
            fail("\(error)", status: 2)
        } catch {
            fail("cannot open the database: \(error)", status: 1)
        }
        do {
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            fail("\(error)", status: 1)
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("onestop-sim: \(message)\n".utf8))
        exit(status)
    }
}
