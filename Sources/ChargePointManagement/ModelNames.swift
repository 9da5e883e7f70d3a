import ChargingModel

// Charge point management is where a protocol's names meet the model's. Inside this module the
// unqualified names are the model's; the protocol's types of the same name are written `OCPP.X`,
// so that each conversion is visible where it happens (docs/architecture.md, "The OCPP edge").

/// The model's measurand (`OCPP.Measurand` is OCPP 1.6's).
typealias Measurand = ChargingModel.Measurand
