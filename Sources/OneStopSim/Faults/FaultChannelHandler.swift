import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// The connection-level half of fault injection, placed in each HTTP/1 connection's pipeline:
/// closes a new connection at once when a `refuseConnections` rule says so, and closes the
/// connection instead of sending an answer whose head carries `dropMarker` (a `lostResponse`
/// whose change is already committed).
final class FaultChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The response header that asks for the connection to be dropped instead of answered.
    static let dropMarker = HTTPField.Name("X-OneStopSim-Drop")!

    private let faults: FaultController
    private var dropping = false

    init(faults: FaultController) {
        self.faults = faults
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive, faults.refuseConnection() {
            context.close(promise: nil)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        if faults.refuseConnection() {
            context.close(promise: nil)
            return
        }
        context.fireChannelActive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        if case .head(let head) = part, head.headerFields[Self.dropMarker] != nil {
            dropping = true
        }
        guard dropping else {
            context.write(data, promise: promise)
            return
        }
        promise?.succeed()
        if case .end = part {
            context.close(promise: nil)
        }
    }
}
