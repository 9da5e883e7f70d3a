import JSON
import OCPP
import Testing

/// AuthorizationKey values never reach the log, the command records or the stored configuration.
@Suite struct OCPPSecretsTests {
    @Test func aChangeConfigurationOfTheAuthorizationKeyLosesItsValue() throws {
        let payload = ChangeConfigurationRequest(key: "AuthorizationKey", value: "3031323334353637").jsonObject
        let redacted = OCPPSecrets.redacting(.object(payload))
        #expect(
            redacted == .object(JSONObject([("key", .string("AuthorizationKey")), ("value", .string("(redacted)"))])))
        let other = ChangeConfigurationRequest(key: "HeartbeatInterval", value: "60").jsonObject
        #expect(OCPPSecrets.redacting(.object(other)) == .object(other))
    }

    @Test func aGetConfigurationAnswerLosesTheKeysValueInAnyCase() throws {
        let answer = try JSONParser.parse(
            #"{"configurationKey":[{"key":"authorizationKEY","readonly":false,"value":"3031"},"#
                + #"{"key":"NumberOfConnectors","readonly":true,"value":"2"}]}"#)
        #expect(
            JSONWriter.string(OCPPSecrets.redacting(answer))
                == #"{"configurationKey":[{"key":"authorizationKEY","readonly":false,"value":"(redacted)"},"#
                + #"{"key":"NumberOfConnectors","readonly":true,"value":"2"}]}"#)
    }

    @Test func theLogShowsFramesAsTheyCameUnlessTheyNameTheKey() {
        let plain = Array(#"[2,"1","Heartbeat",{}]"#.utf8)
        #expect(OCPPSecrets.loggable(plain) == #"[2,"1","Heartbeat",{}]"#)
        let secret = Array(#"[2,"7","ChangeConfiguration",{"key":"AuthorizationKey","value":"30313233"}]"#.utf8)
        #expect(
            OCPPSecrets.loggable(secret)
                == #"[2,"7","ChangeConfiguration",{"key":"AuthorizationKey","value":"(redacted)"}]"#)
        #expect(!OCPPSecrets.loggable(Array(#"AuthorizationKey 3031 not json"#.utf8)).contains("3031"))
    }

    /// OCPP 2.0.1's password is SetVariables SecurityCtrlr.BasicAuthPassword: its attributeValue goes,
    /// in the log and in the records, whatever the names' case; other variables stay as they are.
    @Test func aSetVariablesOfBasicAuthPasswordLosesItsValue() throws {
        let frame =
            #"[2,"9","SetVariables",{"setVariableData":[{"attributeValue":"s3cret-password-1","#
            + #""component":{"name":"securityCtrlr"},"variable":{"name":"BasicAuthPassword"}},"#
            + #"{"attributeValue":"30","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageTimeout"}}]}]"#
        let logged = OCPPSecrets.loggable(Array(frame.utf8))
        #expect(!logged.contains("s3cret-password-1"))
        #expect(logged.contains(#""attributeValue":"(redacted)""#))
        #expect(logged.contains(#""attributeValue":"30""#))
    }
}
