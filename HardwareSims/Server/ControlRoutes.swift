import Foundation
import HardwareSims
import Hummingbird

/// The control API of `kiosk-hwsim` (the emulators' second face), on loopback:
///
/// | method and path | does |
/// |---|---|
/// | `GET /api/lock-buses` | every bus, board and channel |
/// | `GET /api/lock-buses/{bus}` | one bus |
/// | `POST /api/lock-buses/{bus}/boards/{board}/channels/{channel}/{action}` | `open-door`, `close-door`, `force-door`, `put-item`, `take-item` |
/// | `POST /api/lock-buses/{bus}/boards/{board}/{action}` | `offline`, `online`, `power-cycle` |
/// | `PUT /api/lock-buses/{bus}/faults` | install a fault plan (JSON, as in `Scenarios/`) |
/// | `DELETE /api/lock-buses/{bus}/faults` | clear every fault |
/// | `POST /api/lock-buses/{bus}/unplug`, `/replug` | remove or restore the serial port |
/// | `GET /api/lock-buses/{bus}/log` | the emulator's log, oldest first (last 500 lines) |
///
/// Printers (`/api/printers`) and scanners (`/api/scanners`) are in `ControlRoutes+Printers`
/// and `ControlRoutes+Scanners`. A refused control action answers 409 with the reason; an
/// unknown device, board or action 404; a malformed body 400. Errors are JSON
/// `{"error": {"message": "…"}}`.
public enum ControlRoutes {
    /// Registers every control route for `simulator` on `router`.
    public static func register<Context: RequestContext>(on router: Router<Context>, simulator: HardwareSimulator) {
        registerLockBuses(on: router.group("api/lock-buses"), hosts: simulator.lockBuses)
        registerPrinters(on: router.group("api/printers"), hosts: simulator.printers)
        registerScanners(on: router.group("api/scanners"), hosts: simulator.scanners)
    }

    private static func registerLockBuses<Context: RequestContext>(on buses: RouterGroup<Context>, hosts: [String: LockBusHost]) {
        registerCommonRoutes(on: buses, hosts: hosts) { LockBusList(buses: $0) }
        buses.post(":id/boards/:board/channels/:channel/:action") { _, context -> ChannelView in
            let host = try device(in: hosts, context)
            let board = try number(context, "board", as: UInt8.self)
            let channel = try number(context, "channel", as: Int.self)
            let action = context.parameters.get("action") ?? ""
            do {
                switch action {
                case "open-door": try await host.emulator.openDoor(board: board, channel: channel)
                case "close-door": try await host.emulator.closeDoor(board: board, channel: channel)
                case "force-door": try await host.emulator.forceDoor(board: board, channel: channel)
                case "put-item": try await host.emulator.putItem(board: board, channel: channel)
                case "take-item": try await host.emulator.takeItem(board: board, channel: channel)
                default: throw HTTPError(.notFound, message: "unknown channel action '\(action)'")
                }
                return ChannelView(board: board, channel: channel, state: try await host.emulator.state(board: board, channel: channel))
            } catch let error as LockControlError {
                throw HTTPError(.conflict, message: error.description)
            }
        }
        buses.post(":id/boards/:board/:action") { _, context -> LockBusView in
            let host = try device(in: hosts, context)
            let board = try number(context, "board", as: UInt8.self)
            let action = context.parameters.get("action") ?? ""
            do {
                switch action {
                case "offline": try await host.emulator.setOnline(board: board, false)
                case "online": try await host.emulator.setOnline(board: board, true)
                case "power-cycle": try await host.emulator.powerCycle(board: board)
                default: throw HTTPError(.notFound, message: "unknown board action '\(action)'")
                }
            } catch let error as LockControlError {
                throw HTTPError(.conflict, message: error.description)
            }
            return await host.view()
        }
        buses.put(":id/faults") { request, context -> LockBusView in
            let host = try device(in: hosts, context)
            let plan = try await decodeBody(FaultPlan.self, of: request, context, what: "a fault plan")
            await host.emulator.install(plan)
            return await host.view()
        }
        buses.delete(":id/faults") { _, context -> LockBusView in
            let host = try device(in: hosts, context)
            try await host.emulator.control { core throws(LockControlError) in core.clearFaults() }
            return await host.view()
        }
        buses.get(":id/log") { _, context -> EmulatorLogView in
            let host = try device(in: hosts, context)
            let entries = await host.emulator.log.suffix(500).map { entry in
                let place = [entry.board.map { "board \($0)" }, entry.channel.map { "channel \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
                return "\(entry.at) \(place) \(entry.event)"
            }
            return EmulatorLogView(entries: entries)
        }
    }

    private static func number<Context: RequestContext, Value: FixedWidthInteger>(
        _ context: Context, _ name: String, as: Value.Type
    ) throws -> Value {
        guard let text = context.parameters.get(name), let value = Value(text) else {
            throw HTTPError(.notFound, message: "\(name) must be a number")
        }
        return value
    }
}
