import JSON
import OCPP

/// The `customData` every OCPP 2.0.1 object may carry: properties a vendor adds, under its
/// `vendorId`.
///
/// The only object of the 2.0.1 schemas without `additionalProperties: false` (the schemas say it
/// is left open so that it "can be extended with arbitrary JSON properties"), so it is written by
/// hand: `vendorId` (at most 255 characters) is read like any field, every other property is kept
/// as received in `properties` and written back unchanged. The generator checks that the schemas'
/// `CustomDataType` is still this.
public struct CustomData: OCPPObjectCodable {
    public var vendorId: String
    /// The vendor's own properties, in the order they arrived.
    public var properties: JSONObject

    public init(vendorId: String, properties: JSONObject = JSONObject()) {
        self.vendorId = vendorId
        self.properties = properties
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        vendorId = try reader.string("vendorId", maxLength: 255)
        properties = reader.unreadProperties()
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("vendorId", vendorId)
        // A `vendorId` among the properties would be a second key of that name; the field wins.
        for (key, value) in properties where key != "vendorId" {
            writer.write(key, json: value)
        }
    }
}
