import AsyncHTTPClient
import Foundation
import NIOCore
import OneStopWire

extension BackendClient {
    /// Decodes a JSON body strictly: valid UTF-8 first, then the contract's types. Decoding
    /// errors name the field path and the problem, never the values.
    static func decode<Response: Decodable>(_ buffer: ByteBuffer, as type: Response.Type) -> Result<Response, BackendFailure> {
        let bytes = Array(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(.malformed("the body is not valid UTF-8"))
        }
        do {
            return .success(try OneStopJSON.makeDecoder().decode(Response.self, from: Data(bytes)))
        } catch let error as DecodingError {
            return .failure(.malformed(describe(error)))
        } catch {
            return .failure(.malformed("the body is not JSON"))
        }
    }

    /// `wrong type at DaNhan[0]`, `missing field SoThuTuCuoi`…
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ extra: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (extra.map { [$0] } ?? [])
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the top level" : text)
        }
        switch error {
        case .typeMismatch(let type, let context): return "wrong type at \(path(context)) (expected \(type))"
        case .valueNotFound(_, let context): return "null at \(path(context))"
        case .keyNotFound(let key, let context): return "missing field \(path(context, key))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not JSON" : "invalid value at \(path(context))"
        @unknown default: return "undecodable body"
        }
    }

    /// Maps a thrown client error to a failure without leaking request details; `address`
    /// (`host:port`) names the backend when the error itself does not.
    static func failure(from error: any Error, limit: Int, address: String) -> BackendFailure {
        if error is NIOTooManyBytesError { return .bodyTooLarge(limit: limit) }
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout: return .timedOut
            default: return .transport(String(describing: client))
            }
        }
        if error is CancellationError { return .transport("cancelled") }
        return .transport(TransportErrorText.describe(error, address: address))
    }

    /// At most 200 printable characters of an error body, for technicians.
    static func sanitisedDetail(_ buffer: ByteBuffer) -> String {
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        let printable = text.unicodeScalars.filter { !$0.properties.generalCategory.isControl }
        return String(String.UnicodeScalarView(printable.prefix(200)))
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}

extension Unicode.GeneralCategory {
    /// Control, format, surrogate, private-use or unassigned.
    fileprivate var isControl: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
