import ChargingModel
import Foundation
import OCPP
import Transport

/// What `ChargerFleet` tells chargers and whom it accepts: built by the app from `ampwise.json`
/// (`central.*`, `idTags`, `chargers.<id>.idTag`).
public struct ChargerFleetSettings: Sendable {
    /// Seconds, the `interval` of every BootNotification answer.
    public var heartbeatInterval: Int
    /// Seconds, the MeterValueSampleInterval the set-up gives every charger.
    public var meterValueSampleInterval: Int
    /// The MeterValuesSampledData the set-up gives every charger, in order of importance: a
    /// charger that takes fewer keeps the first ones.
    public var measurands: [ChargingModel.Measurand]
    /// The status of each id tag a charger presents.
    public var idTags: IdTagPolicy
    /// The configured `idTag` of a charger (`chargers.<id>.idTag`), always accepted there.
    public var chargerIdTag: @Sendable (String) -> String?
    /// Whether a charger is listed in the configuration (`chargers.<id>`).
    public var isListedCharger: @Sendable (String) -> Bool
    /// `false`: a BootNotification from a charger that is not listed is answered Rejected.
    public var allowUnknownChargers: Bool
    /// Seconds after connecting without a BootNotification before the set-up runs anyway.
    public var setupGracePeriod: Double
    /// The time; a fixed clock in tests.
    public var now: @Sendable () -> Date
    /// The CA that signs chargers' certificate signing requests (`central.tls.ca`); nil: every
    /// SignCertificate is answered Rejected.
    public var certificateAuthority: CertificateAuthority?

    public init(
        heartbeatInterval: Int = 300, meterValueSampleInterval: Int = 60,
        measurands: [ChargingModel.Measurand] = [
            .energyActiveImportRegister, .powerActiveImport, .currentImport, .currentOffered, .voltage,
            .soc,
        ],
        idTags: IdTagPolicy = IdTagPolicy(), chargerIdTag: @escaping @Sendable (String) -> String? = { _ in nil },
        isListedCharger: @escaping @Sendable (String) -> Bool = { _ in false }, allowUnknownChargers: Bool = true,
        setupGracePeriod: Double = 10, now: @escaping @Sendable () -> Date = { Date() },
        certificateAuthority: CertificateAuthority? = nil
    ) {
        self.heartbeatInterval = heartbeatInterval
        self.meterValueSampleInterval = meterValueSampleInterval
        self.measurands = measurands
        self.idTags = idTags
        self.chargerIdTag = chargerIdTag
        self.isListedCharger = isListedCharger
        self.allowUnknownChargers = allowUnknownChargers
        self.setupGracePeriod = setupGracePeriod
        self.now = now
        self.certificateAuthority = certificateAuthority
    }

    /// The OCPP status for `idTag` presented at `chargerId`.
    func authorizationStatus(for idTag: String, at chargerId: String) -> IdTagStatus {
        idTags.status(for: idTag, chargerIdTag: chargerIdTag(chargerId))
    }
}
