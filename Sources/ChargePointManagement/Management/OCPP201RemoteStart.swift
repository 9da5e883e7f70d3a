/// A RequestStartTransaction Ampwise sent to an OCPP 2.0.1 station, kept until the
/// TransactionEvent that carries its `remoteStartId` arrives (docs/ocpp201.md, "Commands").
struct OCPP201RemoteStart: Sendable, Equatable {
    let remoteStartId: Int
    let evseId: Int
    let idTag: String
}
