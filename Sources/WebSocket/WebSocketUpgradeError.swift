import HTTP
import Logging

/// Why a WebSocket upgrade request was refused; each case has the HTTP status that answers it.
public enum WebSocketUpgradeError: Error, Sendable, Equatable {
    /// Not a GET (405, with `Allow: GET`).
    case methodNotAllowed(String)
    /// HTTP/1.0: an upgrade needs HTTP/1.1 (400).
    case httpVersionTooOld(HTTPVersion)
    /// No `Upgrade: websocket` (426, with `Upgrade: websocket`): a plain HTTP request to the charger port.
    case missingUpgradeHeader
    /// `Connection` lacks the `Upgrade` token (400).
    case missingConnectionUpgrade
    /// `Sec-WebSocket-Version` missing or not 13 (426, with `Sec-WebSocket-Version: 13`); the value sent.
    case unsupportedWebSocketVersion(String?)
    /// `Sec-WebSocket-Key` missing, repeated, or not the base64 of 16 bytes (400).
    case invalidWebSocketKey
    /// The charger offered subprotocols, none of them among the accepted ones (400).
    case unsupportedSubprotocols([String], accepted: [String])
    /// The path has no non-empty segment to name the charger (404).
    case missingChargerId
    /// The charger id is empty, too long or not printable (400): `ChargerIdentity`.
    case invalidChargerId(String, ChargerIdProblem)
    /// The admission closure refused the charger (404).
    case unknownCharger(String)
    /// The charger needs a password and sent no Basic credentials (401).
    case missingCredentials(chargerId: String)
    /// The Basic credentials do not match the charger id and its password (401).
    case wrongCredentials(chargerId: String)
    /// The connection is below the charger's security profile (401): `ChargerAdmission.belowSecurityProfile`.
    case belowSecurityProfile(chargerId: String, reason: String)
    /// The remote address has as many refused logins waiting for their delayed answer as it may
    /// have (429, with `Retry-After`); the request's credentials were not looked at.
    case tooManyFailedLogins(retryAfterSeconds: Int)

    /// The status of the refusal.
    public var status: HTTPStatus {
        switch self {
        case .methodNotAllowed: .methodNotAllowed
        case .missingUpgradeHeader, .unsupportedWebSocketVersion: .upgradeRequired
        case .missingChargerId, .unknownCharger: .notFound
        case .missingCredentials, .wrongCredentials, .belowSecurityProfile: .unauthorized
        case .tooManyFailedLogins: .tooManyRequests
        case .httpVersionTooOld, .missingConnectionUpgrade, .invalidWebSocketKey, .unsupportedSubprotocols,
            .invalidChargerId:
            .badRequest
        }
    }

    /// A one-line explanation for the log and the response body.
    public var message: String {
        switch self {
        case .methodNotAllowed(let method): "WebSocket upgrade requires GET, not \(method)"
        case .httpVersionTooOld(let version): "WebSocket upgrade requires HTTP/1.1, not \(version)"
        case .missingUpgradeHeader: "this endpoint only speaks WebSocket: send Upgrade: websocket"
        case .missingConnectionUpgrade: "Connection header lacks the Upgrade token"
        case .unsupportedWebSocketVersion(let version):
            "unsupported Sec-WebSocket-Version \(version ?? "(none)"); only 13 is supported"
        case .invalidWebSocketKey: "Sec-WebSocket-Key must be the base64 of 16 bytes"
        case .unsupportedSubprotocols(let offered, let accepted):
            "no supported subprotocol in \(offered.joined(separator: ", ")); this server accepts "
                + accepted.joined(separator: ", ")
        case .missingChargerId: "the path names no charger: connect to /<chargerId>"
        case .invalidChargerId(let id, let problem): "charger id \"\(Self.shown(id))\" refused: \(problem)"
        case .unknownCharger(let id): "unknown charger \(id)"
        case .missingCredentials(let id): "charger \(id) must authenticate with HTTP Basic auth"
        case .wrongCredentials(let id): "wrong credentials for charger \(id)"
        case .belowSecurityProfile(let id, let reason): "charger \(id) refused: \(reason)"
        case .tooManyFailedLogins(let seconds):
            "too many failed logins from this address are waiting for their answer; try again in \(seconds) s"
        }
    }

    /// A refused id as the answer shows it: control characters escaped, cut after the 48
    /// characters an id may have.
    private static func shown(_ id: String) -> String {
        let scalars = id.unicodeScalars
        guard scalars.count > ChargerIdRules.maximumLength else { return LogEscaping.escaped(id) }
        let kept = String(String.UnicodeScalarView(scalars.prefix(ChargerIdRules.maximumLength)))
        return LogEscaping.escaped(kept) + "..."
    }

    /// The complete refusal, with `Connection: close`.
    public var response: HTTPResponse {
        var response = HTTPResponse.text(message + "\n", status: status)
        switch self {
        case .methodNotAllowed:
            response.headers.add(name: "Allow", value: "GET")
        case .missingUpgradeHeader:
            response.headers.add(name: "Upgrade", value: "websocket")
            response.headers.add(name: "Sec-WebSocket-Version", value: "13")
        case .unsupportedWebSocketVersion:
            response.headers.add(name: "Sec-WebSocket-Version", value: "13")
        case .missingCredentials, .wrongCredentials, .belowSecurityProfile:
            response.headers.add(name: "WWW-Authenticate", value: #"Basic realm="ampwise""#)
        case .tooManyFailedLogins(let seconds):
            response.headers.add(name: "Retry-After", value: String(seconds))
        default:
            break
        }
        // RFC 9110 §7.8: a response that carries Upgrade lists it in Connection too.
        let upgradeToken = response.headers.contains(name: "Upgrade") ? "Upgrade, close" : "close"
        response.headers.add(name: "Connection", value: upgradeToken)
        return response
    }
}
