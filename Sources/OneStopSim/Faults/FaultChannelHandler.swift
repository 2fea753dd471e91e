import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// The connection-level half of fault injection, placed in each HTTP/1 connection's pipeline:
/// closes a new connection at once when a `refuseConnections` rule says so, ends the connection
/// when a timed outage starts (at once when idle, else after the answer it is writing), and closes
/// the connection instead of sending an answer whose head carries `dropMarker` (a `lostResponse`
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
    private var admitted = false
    private var refused = false
    private var answering = false
    private var endAfterAnswer = false
    private var context: ChannelHandlerContext?
    private var tracking: Int?

    init(faults: FaultController) {
        self.faults = faults
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { admit(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        untrack()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        guard !refused else { return }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        untrack()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { answering = true }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var part = unwrapOutboundIn(data)
        if case .head(var head) = part {
            if head.headerFields[Self.dropMarker] != nil { dropping = true }
            if endAfterAnswer {
                head.headerFields[.connection] = "close"
                part = .head(head)
            }
        }
        if dropping {
            promise?.succeed()
            if case .end = part { context.close(promise: nil) }
            return
        }
        guard case .end = part else {
            context.write(wrapOutboundOut(part), promise: promise)
            return
        }
        answering = false
        guard endAfterAnswer else {
            context.write(wrapOutboundOut(part), promise: promise)
            return
        }
        let written = promise ?? context.eventLoop.makePromise()
        let channel = context.channel
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
        context.writeAndFlush(wrapOutboundOut(part), promise: written)
    }

    /// Decides once per connection whether to refuse it; tracks an admitted one for outages.
    private func admit(_ context: ChannelHandlerContext) {
        guard !admitted else { return }
        admitted = true
        if faults.refuseConnection() {
            refused = true
            context.close(promise: nil)
            return
        }
        let loop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: loop)
        tracking = faults.connections.add { loop.execute { handler.value.outageStarted() } }
    }

    /// An outage started: end the connection now when idle, else after the current answer.
    private func outageStarted() {
        guard let context else { return }
        if answering {
            endAfterAnswer = true
        } else {
            context.close(promise: nil)
        }
    }

    private func untrack() {
        if let tracking { faults.connections.remove(tracking) }
        tracking = nil
    }
}
