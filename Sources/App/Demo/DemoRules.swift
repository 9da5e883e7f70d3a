/// The rules `ampwise demo` runs: copies of files in rules/examples/ (a test keeps them equal), so
/// that the demo shows what a newcomer can copy for their own site. The chargers are named as the
/// examples name them (`garage`, `carport`). Not `house-fuse-cap.rules`: at priority 10 its limit
/// would outrank the solar following of `garage`.
enum DemoRules {
    static let files: [(name: String, text: String)] = [
        (
            "auto-start.rules",
            #"""
            # Start a session as soon as a car is plugged in.
            #
            # A connector reports Preparing when a cable is connected but no session has started (many
            # chargers wait for an RFID card). This rule sends RemoteStartTransaction with the id tag
            # "ampwise". Ampwise only sends it while the connector is Preparing and has no open transaction,
            # so it never starts a second session. Paused by another rule (a night-only tariff), the session
            # still starts and is held at 0 A until the pause lifts; with `"pause": "remoteStop"` for the
            # charger the start waits until then instead (`ampwise why` says it is held back).
            #
            # Without `idtag "..."` the charger's `idTag` from the configuration is used, else "ampwise".
            # An id tag has at most 20 characters (OCPP). Make sure the tag is accepted in `idTags`
            # (the charger's own idTag always is).
            #
            # To enable: copy this file up into rules/.

            rule "auto start on plug-in" {
                when status is Preparing
                start idtag "ampwise"
            }

            """#
        ),
        (
            "solar-following.rules",
            #"""
            # Follow the solar surplus on the garage charger.
            #
            # `grid.power` is pushed by your energy meter (PUT /api/inputs): positive when the house imports,
            # negative when it exports. While the car charges, what it draws plus what still flows out to the
            # grid is the power it could use: connector.power - grid.power.
            #
            # The `when` clause only starts following once that figure has stayed at 1.4 kW or more for a
            # minute (`for 1m`), and keeps following for three minutes after it drops (`hold 3m`), so a
            # passing cloud does not stop and start the car every few seconds.
            #
            # The limit is in watts and is converted to amperes with the charger's voltage and phases from
            # the configuration. A limit below the charger's minCurrent (6 A unless configured) would pause the
            # car, so `max(...)` keeps it at the charger's minimum power while the hold lasts.
            #
            # If grid.power has not been pushed for `scheduler.inputMaxAge` seconds it is unknown: the
            # comparison is false and the limit does not apply, so the lower-priority "solar: off" rule
            # pauses the car rather than charging from the grid.
            #
            # To enable: copy this file up into rules/ and change `garage` to your charger's id.

            rule "solar: off" {
                chargers garage
                pause
            }

            rule "solar: follow surplus" {
                chargers garage
                priority 1
                when connector.power - grid.power >= 1.4 kW for 1m hold 3m
                charge
                limit max(connector.power - grid.power, charger.minCurrent * charger.voltage * charger.phases)
            }

            """#
        ),
        (
            "shared-fuse.rules",
            #"""
            # Two chargers on one 32 A fuse.
            #
            # `share` divides a budget among the connectors in scope that want to charge (a car is plugged in
            # and no rule pauses it): equally, never more than a connector's own limit or maxCurrent, and
            # what one cannot use goes to the others. With one car plugged in it gets up to its maxCurrent;
            # with two, 16 A each.
            #
            # When the budget cannot give every car its minCurrent (say three cars on a 16 A fuse), the car
            # that has charged longest in its session is paused until the others fit; as they catch up the
            # pause moves on, so everyone takes turns.
            #
            # A budget may also be a power (`share 22 kW`); it is then divided in watts, which matters when
            # single-phase and three-phase chargers share it. A budget can use inputs (`share 40 A -
            # grid.power / 690 V`) but not per-connector values.
            #
            # To enable: copy this file up into rules/ and change the charger ids.

            rule "garage fuse" {
                chargers garage, carport
                share 32 A
            }

            """#
        ),
    ]
}
