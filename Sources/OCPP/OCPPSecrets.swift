import JSON

/// The configuration keys whose values are secrets, and their removal from whatever is logged or
/// recorded. OCPP 1.6's `AuthorizationKey` (security whitepaper, edition 3) is the charger's
/// HTTP Basic password, hex-encoded: it is write-only on the charger, and Ampwise keeps it out of
/// the debug log, the command records and the stored configuration (docs/security.md). OCPP
/// 2.0.1's is the device model variable `SecurityCtrlr.BasicAuthPassword` (the password itself),
/// whose `attributeValue` in a SetVariables request is kept out the same way.
public enum OCPPSecrets {
    /// What a secret's value is replaced with.
    public static let redacted = "(redacted)"

    /// Whether a configuration key holds a secret. Keys are compared without case, as some
    /// chargers do.
    public static func isSecret(key: String) -> Bool {
        key.lowercased() == "authorizationkey"
    }

    /// Whether an OCPP 2.0.1 component's variable holds a secret (`SecurityCtrlr.BasicAuthPassword`);
    /// names are compared without case, as the standard has them (OCPP 2.0.1 Part 1, "Case Insensitive").
    public static func isSecret(component: String, variable: String) -> Bool {
        component.lowercased() == "securityctrlr" && variable.lowercased() == "basicauthpassword"
    }

    /// `value` with the `value` of every object whose `key` is a secret replaced: a
    /// ChangeConfiguration request, a GetConfiguration answer's `configurationKey` entries.
    public static func redacting(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(redacting(object))
        case .array(let items):
            return .array(items.map(redacting))
        default:
            return value
        }
    }

    /// `object` with secrets replaced, as `redacting(_:)` does.
    public static func redacting(_ object: JSONObject) -> JSONObject {
        let isSecretEntry = object["key"]?.stringValue.map(isSecret(key:)) ?? false
        let isSecretVariable =
            object["component"]?.objectValue?["name"]?.stringValue.flatMap { component in
                object["variable"]?.objectValue?["name"]?.stringValue.map {
                    isSecret(component: component, variable: $0)
                }
            } ?? false
        return JSONObject(
            object.map { entry in
                if isSecretEntry && entry.key == "value" { return (entry.key, JSONValue.string(redacted)) }
                if isSecretVariable && entry.key == "attributeValue" {
                    return (entry.key, JSONValue.string(redacted))
                }
                return (entry.key, redacting(entry.value))
            })
    }

    /// An OCPP-J message as the debug log shows it: as it came when it names no secret key, else
    /// parsed and written again with the secrets replaced.
    public static func loggable(_ message: [UInt8]) -> String {
        let text = String(decoding: message, as: UTF8.self)
        let lowercased = text.lowercased()
        guard lowercased.contains("authorizationkey") || lowercased.contains("basicauthpassword") else { return text }
        guard let parsed = try? JSONParser.parse(message) else {
            return "(a message that names AuthorizationKey or BasicAuthPassword and is not JSON; not shown)"
        }
        return JSONWriter.string(redacting(parsed))
    }
}
