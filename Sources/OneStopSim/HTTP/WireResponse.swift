import Foundation
import HTTPTypes
import Hummingbird
import OneStopWire

/// One answer before it becomes a `Response`: fault injection can still cut or replace its bytes.
struct WireAnswer: Sendable {
    var status: HTTPResponse.Status
    var data: Data
    var contentType: String
    var headers = HTTPFields()

    /// The HTTP response, with `X-Contract-Version`.
    var response: Response {
        var fields = headers
        fields[.contentType] = contentType
        fields[WireResponse.contractVersion] = OneStopContractVersion.current
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Builds the contract's answers: JSON bodies with the shared encoder and problem bodies.
enum WireResponse {
    static let contractVersion = HTTPField.Name(OneStopPaths.contractVersionHeader)!

    /// `value` as `application/json` with `status`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> WireAnswer {
        WireAnswer(status: status, data: try OneStopJSON.encode(value), contentType: OneStopJSON.mediaType)
    }

    /// `problem` as `application/problem+json`; 401 adds `WWW-Authenticate: Bearer`.
    static func problem(_ problem: OneStopProblem) -> WireAnswer {
        let data = (try? OneStopJSON.encode(problem)) ?? Data(#"{"code":"internal-error","status":500,"title":"Error","type":"about:blank"}"#.utf8)
        var answer = WireAnswer(status: .init(code: problem.status), data: data, contentType: OneStopJSON.problemMediaType)
        if problem.status == 401 {
            answer.headers[.wwwAuthenticate] = "Bearer realm=\"onestop\""
        }
        return answer
    }

    /// A 400 `bad-request` problem.
    static func badRequest(_ detail: String) -> OneStopProblem {
        OneStopProblem(code: .badRequest, title: "Bad request", status: 400, detail: detail)
    }
}

/// Lets a thrown `OneStopProblem` become its problem response.
struct ProblemError: HTTPResponseError {
    let problem: OneStopProblem
    var status: HTTPResponse.Status { .init(code: problem.status) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = problem
        problem.instance = request.uri.path
        return WireResponse.problem(problem).response
    }
}
