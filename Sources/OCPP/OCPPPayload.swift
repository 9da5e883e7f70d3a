/// A whole CALL or CALLRESULT payload of OCPP 1.6.
public protocol OCPPPayload: OCPPObjectCodable {}
