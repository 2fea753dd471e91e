import Foundation
import Hummingbird

/// A hosted device as the control API sees it: an id, a plug, and a JSON view.
protocol ControlledDevice: Sendable {
    /// What `GET` answers for the device.
    associatedtype View: ResponseEncodable
    /// The device's kind in messages, e.g. `printer`.
    static var kind: String { get }
    /// The device's plug.
    var plug: DevicePlug { get }
    /// The device as the control API shows it.
    func view() async -> View
}

extension LockBusHost: ControlledDevice {
    static var kind: String { "lock bus" }
}

extension PrinterHost: ControlledDevice {
    static var kind: String { "printer" }
}

extension ScannerHost: ControlledDevice {
    static var kind: String { "scanner" }
}

// Routes every device has, and the helpers the device routes share.
extension ControlRoutes {
    /// `GET` (every host, wrapped by `list`), `GET {id}`, `POST {id}/unplug` and
    /// `POST {id}/replug` for the hosts in `hosts`.
    static func registerCommonRoutes<Context: RequestContext, Host: ControlledDevice, List: ResponseEncodable>(
        on group: RouterGroup<Context>, hosts: [String: Host], list: @escaping @Sendable ([Host.View]) -> List
    ) {
        group.get { _, _ -> List in
            list(await views(of: hosts))
        }
        group.get(":id") { _, context -> Host.View in
            try await device(in: hosts, context).view()
        }
        group.post(":id/unplug") { _, context -> Host.View in
            let host = try device(in: hosts, context)
            await host.plug.unplug()
            return await host.view()
        }
        group.post(":id/replug") { _, context -> Host.View in
            let host = try device(in: hosts, context)
            await host.plug.replug()
            return await host.view()
        }
    }

    /// Every host's view, by id.
    static func views<Host: ControlledDevice>(of hosts: [String: Host]) async -> [Host.View] {
        var views: [Host.View] = []
        for id in hosts.keys.sorted() {
            if let host = hosts[id] { views.append(await host.view()) }
        }
        return views
    }

    /// The host named by the `id` path parameter.
    /// - Throws: 404 naming the unknown id.
    static func device<Context: RequestContext, Host: ControlledDevice>(in hosts: [String: Host], _ context: Context) throws -> Host {
        let id = context.parameters.get("id") ?? ""
        guard let host = hosts[id] else { throw HTTPError(.notFound, message: "no \(Host.kind) '\(id)'") }
        return host
    }

    /// The request body, at most 16 MiB.
    static func bodyBytes<Context: RequestContext>(of request: Request, _ context: Context) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: 16 * 1_048_576)
            return Array(buffer.readableBytesView)
        } catch {
            throw HTTPError(.contentTooLarge, message: "the body exceeds 16 MiB")
        }
    }

    /// The JSON body decoded as `Value`.
    /// - Throws: 400 saying where the body is wrong; `what` names the expected document.
    static func decodeBody<Context: RequestContext, Value: Decodable>(
        _ type: Value.Type, of request: Request, _ context: Context, what: String
    ) async throws -> Value {
        let bytes = try await bodyBytes(of: request, context)
        do {
            return try JSONProblem.decode(type, from: Data(bytes), whole: "the body is not JSON")
        } catch {
            throw HTTPError(.badRequest, message: "not \(what): \(error)")
        }
    }
}
