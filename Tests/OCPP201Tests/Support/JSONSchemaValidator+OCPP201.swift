import TestSupport

extension JSONSchemaValidator {
    /// Loads `Tests/Fixtures/ocpp201-schemas/<name>.json` (`BootNotificationRequest`, ...).
    init(named name: String) throws {
        try self.init(fixture: name, in: "ocpp201-schemas")
    }
}
