"""Issue 13 item 3: phase switching through `ampwise serve`, against the Python `ocpp` 1.6 charger.

A 3-phase charger with `phaseSwitching` follows the solar surplus: below 6 A × 230 V × 3 = 4140 W
it receives its SetChargingProfile with `numberPhases` 1 and the limit in 1-phase amperes, and
back on 3 phases when the surplus rises, at most one switch per `scheduler.phaseSwitchInterval`
(1 s here, so that the test waits on the charger's CALLs rather than on the clock).
"""

import asyncio
from datetime import datetime

from charger import PythonCharger, connected
from test_scheduler import SCHEDULER, api, assert_valid_profiles, plug_in_and_charge, put_inputs, why, wire

SWITCHING = {"phases": 3, "voltage": 230, "minCurrent": 6, "maxCurrent": 16, "phaseSwitching": True}
SOLAR = {"solar.rules": 'rule "solar following" {\n limit solar.surplus\n}\n'}


def received(charger: PythonCharger) -> list[tuple[float, int]]:
    """(limit, numberPhases) of every SetChargingProfile received, in order (OCPP 1.6: absent is 3)."""
    periods = [wire(p)["csChargingProfiles"]["chargingSchedule"]["chargingSchedulePeriod"][0]
               for p in charger.calls("SetChargingProfile")]
    return [(round(float(period["limit"]), 1), period.get("numberPhases", 3)) for period in periods]


async def surplus_brings(server, charger: PythonCharger, watts: float, limit: float, phases: int) -> None:
    """Pushes the solar surplus, then waits until a SetChargingProfile received after the push
    holds `limit` A on `phases`."""
    before = len(received(charger))
    await put_inputs(server, {"solar.surplus": watts})
    await charger.wait_for("SetChargingProfile",
                           predicate=lambda _: len(received(charger)) > before
                           and received(charger)[-1] == (limit, phases))


def at(decision: dict) -> datetime:
    return datetime.fromisoformat(decision["at"].replace("Z", "+00:00"))


async def test_the_surplus_below_the_three_phase_minimum_switches_to_one_phase_and_back(ampwise):
    server = ampwise(rules=SOLAR, scheduler={**SCHEDULER, "phaseSwitchInterval": 1},
                     chargers={"garage": SWITCHING})
    async with connected(server, "garage") as charger:
        transaction = await plug_in_and_charge(charger)
        await surplus_brings(server, charger, 6900, 10.0, 3)
        # 3000 W: 1 phase at 3000 / 230 = 13.0 A.
        await surplus_brings(server, charger, 3000, 13.0, 1)
        # The sun is back: 3 phases again once a second has passed since the switch.
        await surplus_brings(server, charger, 6900, 10.0, 3)
        assert_valid_profiles(charger, transaction_ids=(transaction,))
        sequence = received(charger)
        assert sequence[:2] == [(10.0, 3), (13.0, 1)], sequence
        # While the switch back waited, 6900 W on 1 phase could only be capped at 16 A.
        assert set(sequence[2:-1]) <= {(16.0, 1)}, sequence

    decisions = list(reversed(await asyncio.to_thread(api, server, "GET", "/api/decisions?charger=garage")))
    switches = [d for d in decisions if "; phases: switched to" in d["explanation"]]
    to_one = next(d for d in switches if d["phases"] == 1)
    to_three = next(d for d in switches if d["phases"] == 3)
    assert "switched to 1 phase: 3000 W asked is below the 3-phase minimum 4140 W" in to_one["explanation"]
    assert "switched to 3 phases: 6900 W asked reaches the 3-phase minimum 4140 W" in to_three["explanation"]
    assert (to_one["limitAmps"], to_three["limitAmps"]) == (13.0, 10.0)
    assert (at(to_three) - at(to_one)).total_seconds() >= 1

    lines = await why(server)
    assert any(" decided " in line and "limit 13.0 A on 1 phase" in line for line in lines), lines
    assert any("SetChargingProfile TxDefaultProfile 13.0 A on 1 phase -> Accepted" in line for line in lines), lines


async def test_without_phase_switching_the_charger_stays_on_three_phases_and_pauses(ampwise):
    server = ampwise(rules=SOLAR, scheduler={**SCHEDULER, "phaseSwitchInterval": 1},
                     chargers={"garage": {**SWITCHING, "phaseSwitching": False}})
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await surplus_brings(server, charger, 3000, 0.0, 3)
        assert received(charger) == [(0.0, 3)]
