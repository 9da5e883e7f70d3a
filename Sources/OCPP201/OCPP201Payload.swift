import OCPP

/// A whole CALL or CALLRESULT payload of OCPP 2.0.1.
public protocol OCPP201Payload: OCPPObjectCodable {}
