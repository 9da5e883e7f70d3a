import OCPP

/// A realistic request and confirmation for every action, as chargers and central systems in
/// the field send them (every optional field used somewhere, so that every path is exercised).
enum OCPPSamplePayloads {
    static func request(_ action: OCPPAction) -> String { samples[action]!.request }
    static func confirmation(_ action: OCPPAction) -> String { samples[action]!.confirmation }

    private static let samples: [OCPPAction: (request: String, confirmation: String)] = [
        .authorize: (
            #"{"idTag":"04A2B3C4"}"#,
            #"{"idTagInfo":{"status":"Accepted","expiryDate":"2026-11-26T08:00:00Z","parentIdTag":"FAMILY"}}"#
        ),
        .bootNotification: (
            #"""
            {"chargePointVendor":"Wall Box Chargers","chargePointModel":"PLP1-0-2-4",
             "chargePointSerialNumber":"88034","chargeBoxSerialNumber":"WB-88034","firmwareVersion":"5.5.10",
             "iccid":"8931440400012345678","imsi":"204043200012345","meterType":"EM340",
             "meterSerialNumber":"EM-1234"}
            """#,
            #"{"status":"Accepted","currentTime":"2026-11-25T08:00:00.123Z","interval":300}"#
        ),
        .cancelReservation: (#"{"reservationId":42}"#, #"{"status":"Rejected"}"#),
        .changeAvailability: (#"{"connectorId":0,"type":"Inoperative"}"#, #"{"status":"Scheduled"}"#),
        .changeConfiguration: (
            #"{"key":"MeterValuesSampledData","value":"Energy.Active.Import.Register,Power.Active.Import"}"#,
            #"{"status":"RebootRequired"}"#
        ),
        .clearCache: ("{}", #"{"status":"Accepted"}"#),
        .clearChargingProfile: (
            #"{"id":1001,"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":0}"#,
            #"{"status":"Unknown"}"#
        ),
        .dataTransfer: (
            #"{"vendorId":"com.wallbox","messageId":"SetLedColour","data":"{\"rgb\":\"00ff00\"}"}"#,
            #"{"status":"UnknownMessageId","data":"not supported"}"#
        ),
        .diagnosticsStatusNotification: (#"{"status":"UploadFailed"}"#, "{}"),
        .firmwareStatusNotification: (#"{"status":"InstallationFailed"}"#, "{}"),
        .getCompositeSchedule: (
            #"{"connectorId":1,"duration":86400,"chargingRateUnit":"A"}"#,
            #"""
            {"status":"Accepted","connectorId":1,"scheduleStart":"2026-11-25T00:00:00Z",
             "chargingSchedule":{"duration":86400,"startSchedule":"2026-11-25T00:00:00Z","chargingRateUnit":"A",
              "chargingSchedulePeriod":[{"startPeriod":0,"limit":6.0},{"startPeriod":1800,"limit":16,"numberPhases":3},
               {"startPeriod":23400,"limit":10.5,"numberPhases":1}],"minChargingRate":6.1}}
            """#
        ),
        .getConfiguration: (
            #"{"key":["SupportedFeatureProfiles","NumberOfConnectors","NoSuchKey"]}"#,
            #"""
            {"configurationKey":[{"key":"SupportedFeatureProfiles","readonly":true,
              "value":"Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger"},
              {"key":"AuthorizationKey","readonly":false}],"unknownKey":["NoSuchKey"]}
            """#
        ),
        .getDiagnostics: (
            #"""
            {"location":"ftp://diag.example.com/uploads/","retries":3,"retryInterval":60,
             "startTime":"2026-11-24T00:00:00Z","stopTime":"2026-11-25T00:00:00+01:00"}
            """#,
            #"{"fileName":"diagnostics-88034-20261125.zip"}"#
        ),
        .getLocalListVersion: ("{}", #"{"listVersion":7}"#),
        .heartbeat: ("{}", #"{"currentTime":"2026-11-25T08:00:00Z"}"#),
        .meterValues: (
            #"""
            {"connectorId":1,"transactionId":17,"meterValue":[{"timestamp":"2026-11-25T08:00:00.500+01:00",
             "sampledValue":[{"value":"1234.5","context":"Sample.Periodic","format":"Raw",
              "measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"kWh"},
              {"value":"7200","measurand":"Power.Active.Import","unit":"W"},
              {"value":"10.2","measurand":"Current.Import","phase":"L1","unit":"A"},
              {"value":"231.4","measurand":"Voltage","phase":"L1-N","unit":"V"},
              {"value":"50.01","measurand":"Frequency","unit":"Hertz"},
              {"value":"64","measurand":"SoC","location":"EV","unit":"Percent","context":"Trigger"}]}]}
            """#,
            "{}"
        ),
        .remoteStartTransaction: (
            #"""
            {"connectorId":1,"idTag":"ampwise","chargingProfile":{"chargingProfileId":1,"stackLevel":0,
             "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
             "chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":4600}]}}}
            """#,
            #"{"status":"Accepted"}"#
        ),
        .remoteStopTransaction: (#"{"transactionId":17}"#, #"{"status":"Rejected"}"#),
        .reserveNow: (
            #"""
            {"connectorId":2,"expiryDate":"2026-11-25T09:30:00Z","idTag":"04A2B3C4","parentIdTag":"FAMILY",
             "reservationId":42}
            """#,
            #"{"status":"Occupied"}"#
        ),
        .reset: (#"{"type":"Soft"}"#, #"{"status":"Accepted"}"#),
        .sendLocalList: (
            #"""
            {"listVersion":8,"updateType":"Differential","localAuthorizationList":[{"idTag":"04A2B3C4",
             "idTagInfo":{"status":"Accepted","expiryDate":"2027-01-01T00:00:00Z"}},{"idTag":"DEADBEEF"}]}
            """#,
            #"{"status":"VersionMismatch"}"#
        ),
        .setChargingProfile: (
            #"""
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1001,"transactionId":17,"stackLevel":2,
             "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily",
             "validFrom":"2026-11-25T00:00:00Z","validTo":"2026-12-25T00:00:00Z",
             "chargingSchedule":{"duration":86400,"startSchedule":"2026-11-25T00:30:00+01:00","chargingRateUnit":"A",
              "chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0,"numberPhases":3},
               {"startPeriod":21600,"limit":0}],"minChargingRate":6.0}}}
            """#,
            #"{"status":"NotSupported"}"#
        ),
        .startTransaction: (
            #"""
            {"connectorId":1,"idTag":"04A2B3C4","meterStart":1200,"reservationId":42,
             "timestamp":"2026-11-25T07:59:58Z"}
            """#,
            #"{"idTagInfo":{"status":"ConcurrentTx"},"transactionId":17}"#
        ),
        .statusNotification: (
            #"""
            {"connectorId":1,"errorCode":"EVCommunicationError","info":"CP signal lost","status":"SuspendedEVSE",
             "timestamp":"2026-11-25T08:00:00Z","vendorId":"com.wallbox","vendorErrorCode":"E-107"}
            """#,
            "{}"
        ),
        .stopTransaction: (
            #"""
            {"idTag":"04A2B3C4","meterStop":6600,"timestamp":"2026-11-25T09:00:00Z","transactionId":17,
             "reason":"EVDisconnected","transactionData":[{"timestamp":"2026-11-25T08:00:00Z",
              "sampledValue":[{"value":"1200","context":"Transaction.Begin","unit":"Wh"}]},
              {"timestamp":"2026-11-25T09:00:00Z","sampledValue":[]}]}
            """#,
            #"{"idTagInfo":{"status":"Expired","parentIdTag":"FAMILY"}}"#
        ),
        .triggerMessage: (
            #"{"requestedMessage":"StatusNotification","connectorId":1}"#,
            #"{"status":"NotImplemented"}"#
        ),
        .unlockConnector: (#"{"connectorId":1}"#, #"{"status":"UnlockFailed"}"#),
        .updateFirmware: (
            #"""
            {"location":"https://firmware.example.com/wallbox/5.6.0.bin","retries":2,
             "retrieveDate":"2026-11-26T02:00:00Z","retryInterval":300}
            """#,
            "{}"
        ),
        .securityEventNotification: (
            #"""
            {"type":"FirmwareUpdated","timestamp":"2026-11-25T08:00:00Z",
             "techInfo":"firmware 5.5.10 installed from the local update"}
            """#,
            "{}"
        ),
        .signCertificate: (
            #"{"csr":"-----BEGIN CERTIFICATE REQUEST-----\nMIIBCDCBrwIBADBNMRUwEwYDVQQKDAxFeGFtcGxlIHNpdGUxNDAyBgNVBAMMK2dh\n-----END CERTIFICATE REQUEST-----\n"}"#,
            #"{"status":"Accepted"}"#
        ),
        .certificateSigned: (
            #"{"certificateChain":"-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIIK1mY\n-----END CERTIFICATE-----\n"}"#,
            #"{"status":"Rejected"}"#
        ),
        .installCertificate: (
            #"""
            {"certificateType":"CentralSystemRootCertificate",
             "certificate":"-----BEGIN CERTIFICATE-----\nMIIBnDCCAUKgAwIBAgIUQ\n-----END CERTIFICATE-----\n"}
            """#,
            #"{"status":"Failed"}"#
        ),
        .getInstalledCertificateIds: (
            #"{"certificateType":"ManufacturerRootCertificate"}"#,
            #"""
            {"status":"Accepted","certificateHashData":[{"hashAlgorithm":"SHA256",
             "issuerNameHash":"5d4b4f1e0f3a7c2b9d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
             "issuerKeyHash":"0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
             "serialNumber":"2b5998a1c4"}]}
            """#
        ),
        .deleteCertificate: (
            #"""
            {"certificateHashData":{"hashAlgorithm":"SHA384","issuerNameHash":"5d4b4f1e0f3a7c2b",
             "issuerKeyHash":"0a1b2c3d4e5f6071","serialNumber":"01"}}
            """#,
            #"{"status":"NotFound"}"#
        ),
        .extendedTriggerMessage: (
            #"{"requestedMessage":"SignChargePointCertificate","connectorId":1}"#,
            #"{"status":"Accepted"}"#
        ),
        .getLog: (
            #"""
            {"log":{"remoteLocation":"https://logs.example.com/upload/88034","oldestTimestamp":"2026-11-24T00:00:00Z",
             "latestTimestamp":"2026-11-25T00:00:00+01:00"},"logType":"SecurityLog","requestId":7,"retries":2,
             "retryInterval":60}
            """#,
            #"{"status":"Accepted","filename":"security-88034-20261125.log"}"#
        ),
        .logStatusNotification: (#"{"status":"Uploaded","requestId":7}"#, "{}"),
        .signedUpdateFirmware: (
            #"""
            {"retries":3,"retryInterval":120,"requestId":11,"firmware":{
             "location":"https://firmware.example.com/wallbox/5.6.0.bin","retrieveDateTime":"2026-11-26T02:00:00Z",
             "installDateTime":"2026-11-26T03:00:00Z",
             "signingCertificate":"-----BEGIN CERTIFICATE-----\nMIIBnDCCAUKgAwIBAgIUQ\n-----END CERTIFICATE-----\n",
             "signature":"MEUCIQDx3Jk2Yc1mG0q9zv4T"}}
            """#,
            #"{"status":"InvalidCertificate"}"#
        ),
        .signedFirmwareStatusNotification: (#"{"status":"SignatureVerified","requestId":11}"#, "{}"),
    ]
}
