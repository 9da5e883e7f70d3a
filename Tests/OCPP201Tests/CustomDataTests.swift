import JSON
import OCPP201
import Testing

import struct OCPP.OCPPValidationError

/// `customData`, the one object the 2.0.1 schemas leave open: a vendor's own properties survive
/// decoding and encoding, anywhere in a message, and `vendorId` is held to its schema.
@Suite struct CustomDataTests {
    @Test func keepsAVendorsPropertiesInTheirOrder() throws {
        let payload = object([
            "customData": ["vendorId": "com.wallbox", "ledColour": "green", "levels": [1, 2], "extra": ["a": .null]]
        ])
        let decoded = try HeartbeatRequest.decode(payload)
        #expect(decoded.warnings == [])
        let customData = try #require(decoded.value.customData)
        #expect(customData.vendorId == "com.wallbox")
        #expect(customData.properties.keys == ["ledColour", "levels", "extra"])
        #expect(customData.properties["levels"] == [1, 2])
        #expect(
            JSONWriter.string(decoded.value.json)
                == #"{"customData":{"vendorId":"com.wallbox","ledColour":"green","levels":[1,2],"extra":{"a":null}}}"#)
    }

    @Test func isReadInNestedObjectsToo() throws {
        let payload = object([
            "reason": "PowerUp",
            "chargingStation": ["model": "M", "vendorName": "V", "customData": ["vendorId": "v", "slot": 2]],
        ])
        let decoded = try BootNotificationRequest.decode(payload).value
        #expect(decoded.chargingStation.customData == CustomData(vendorId: "v", properties: object(["slot": 2])))
    }

    @Test func requiresAVendorIdOfAtMost255Characters() {
        #expect(
            throws: OCPPValidationError(
                code: .occurenceConstraintViolation, path: "customData.vendorId", reason: "required property is missing"
            )
        ) {
            try HeartbeatRequest.decode(object(["customData": ["note": "x"]]))
        }
        #expect(throws: OCPPValidationError.self) {
            try HeartbeatRequest.decode(
                object(["customData": .object(object(["vendorId": .string(String(repeating: "v", count: 256))]))]))
        }
    }

    @Test func writesItsVendorIdOnceEvenIfThePropertiesHaveOne() {
        let customData = CustomData(vendorId: "com.a", properties: object(["vendorId": "com.b", "x": 1]))
        #expect(JSONWriter.string(customData.json) == #"{"vendorId":"com.a","x":1}"#)
    }
}
