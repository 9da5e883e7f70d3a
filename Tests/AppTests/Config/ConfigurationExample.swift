/// The example configuration of docs/configuration.md, verbatim.
enum ConfigurationExample {
    static let specExample = """
        {
          "central": {
            "host": "0.0.0.0",
            "port": 9000,
            "tls": { "certificate": "/ssl/fullchain.pem", "privateKey": "/ssl/privkey.pem" },
            "heartbeatInterval": 300,
            "meterValueSampleInterval": 60,
            "measurands": ["Energy.Active.Import.Register", "Power.Active.Import", "Current.Import",
                           "Current.Offered", "Voltage", "SoC"],
            "pingInterval": 20,
            "pingTimeout": 20,
            "callTimeout": 30,
            "maxMessageBytes": 1048576,
            "allowUnknownChargers": true
          },
          "api": { "host": "127.0.0.1", "port": 9080, "token": null },
          "database": "ampwise.sqlite",
          "rules": "rules",
          "timezone": "Europe/Amsterdam",
          "logLevel": "info",
          "idTags": { "default": "Accepted", "tags": { "04A2B3C4": "Accepted", "DEADBEEF": "Blocked" } },
          "chargers": {
            "garage": {
              "password": "secret",
              "maxCurrent": 16,
              "minCurrent": 6,
              "phases": 3,
              "voltage": 230,
              "idTag": "ampwise",
              "strict": true,
              "pause": "profile"
            }
          },
          "tariff": {
            "default": 0.30,
            "periods": [ { "from": "00:30", "to": "06:30", "price": 0.11, "days": "mon..sun" } ]
          },
          "scheduler": {
            "tick": 10,
            "deadband": 0.5,
            "minIncreaseInterval": 10,
            "inputMaxAge": 300,
            "retryInterval": 30
          }
        }
        """
}
