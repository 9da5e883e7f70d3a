import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import OCPP201
import Store
import Transport

// The certificate authority role (SPEC §13, docs/security.md "The certificate authority"): a
// charger's SignCertificate (1.6 security extension or 2.0.1) is checked and signed with
// `central.tls.ca`, and the certificate goes back in a CertificateSigned.
extension ChargerFleet {
    /// The `charger_events` kind of a certificate signing request Ampwise refused, with the reason.
    public static let certificateSigningRefusedKind = "CertificateSigningRefused"

    /// Answers a SignCertificate: Rejected without a configured CA (logged once per charger) or
    /// for a request the CA refuses (logged and recorded with the reason); else Accepted once the
    /// request is recorded, and then the certificate chain is sent with `deliver`. The checks and
    /// the signing run off the event loop.
    func handleSignCertificate(
        csr: String, from chargerId: String, at now: Date, answer: @escaping @Sendable (ChargerReply) -> Void,
        response: @escaping @Sendable (Bool) -> JSONObject,
        deliver: @escaping @Sendable (CommandDispatcher, IssuedCertificate) async -> Void
    ) {
        guard let authority = settings.certificateAuthority else {
            if unsignedChargersLogged.withLock({ $0.insert(chargerId).inserted }) {
                let refusal: LogMessage =
                    "\(chargerId) SignCertificate: Rejected, no certificate authority is configured (central.tls.ca); "
                logger.warning(refusal + "later ones from this charger are refused without a word")
            }
            answerOnceStored(response(false), answer)
            return
        }
        Task.detached { [self] in
            do throws(CertificateSigningRefusal) {
                let issued = try authority.sign(csr: csr, for: chargerId)
                logger.info(
                    "\(chargerId) SignCertificate: Accepted, certificate \(issued.serialNumber) signed, valid until \(issued.notAfter)"
                )
                store.whenQueuedWritesCommitted { [self] committed in
                    guard committed else {
                        answer(.fail(.internalError, "the message could not be stored"))
                        return
                    }
                    answer(.confirm(response(true)))
                    guard let commands else { return }
                    // After the answer, which the charger waits for before it takes a CertificateSigned.
                    Task { await deliver(commands, issued) }
                }
            } catch {
                logger.warning("\(chargerId) SignCertificate: Rejected, \(error.description)")
                store.recordEvent(
                    ChargerEventRecord(
                        chargerId: chargerId, kind: Self.certificateSigningRefusedKind,
                        payload: .object(JSONObject([("reason", .string(error.description))])), at: now))
                answerOnceStored(response(false), answer)
            }
        }
    }

    /// A 1.6 charger's SignCertificate: CertificateSigned with the chain.
    func handleSignCertificate(
        _ request: OCPP.SignCertificateRequest, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        handleSignCertificate(
            csr: request.csr, from: chargerId, at: now, answer: answer,
            response: { SignCertificateConfirmation(status: $0 ? .accepted : .rejected).jsonObject },
            deliver: { commands, issued in
                _ = await commands.send(
                    OCPP.CertificateSignedRequest(certificateChain: issued.chainPEM), to: chargerId,
                    context: CommandContext(source: .certificates, connectorId: nil))
            })
    }

    /// A 2.0.1 station's SignCertificate: its ChargingStationCertificate (or one with no type, which
    /// the station uses for its connection to Ampwise) is signed; a V2GCertificate is refused, since
    /// it must come from the ISO 15118 V2G hierarchy, not from Ampwise's CA.
    func handleSignCertificate(
        _ request: OCPP201.SignCertificateRequest, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let response: @Sendable (Bool) -> JSONObject = {
            OCPP201.SignCertificateResponse(status: $0 ? .accepted : .rejected).jsonObject
        }
        if let type = request.certificateType, type != .chargingStationCertificate {
            logger.warning(
                "\(chargerId) SignCertificate \(type.spelling): Rejected, Ampwise signs ChargingStationCertificate only"
            )
            answerOnceStored(response(false), answer)
            return
        }
        let type = request.certificateType
        handleSignCertificate(
            csr: request.csr, from: chargerId, at: now, answer: answer, response: response,
            deliver: { commands, issued in
                _ = await commands.send(
                    OCPP201.CertificateSignedRequest(certificateChain: issued.chainPEM, certificateType: type),
                    to: chargerId, context: CommandContext(source: .certificates, connectorId: nil))
            })
    }
}
