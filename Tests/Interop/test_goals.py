"""Issue 13 item 2: an energy goal set through `POST /api/chargers/{id}/goal` on the real
`ampwise serve` makes the Python 1.6 charger charge in the cheap quarter hour and pause outside
it (a 0 A profile, as every pause); a price update through `PUT /api/tariff` re-plans it; the
goal shows in `GET .../goal`, the charger object and the decisions, and survives a restart.
"""

import asyncio
import json
import time
import urllib.error
from datetime import datetime, timezone

from charger import connected
from test_scheduler import ONE_PHASE, SCHEDULER, api, iso, limit_is, plug_in_and_charge, put_tariff
from test_sources import wait_until

QUARTER = 900


def at(seconds: int) -> str:
    return iso(datetime.fromtimestamp(seconds, timezone.utc))


def prices(first: int, cheap: dict[int, float], hours: int = 12) -> list[dict]:
    """Quarter hours from `first` for `hours`, 0.30 each unless `cheap` gives their price."""
    return [{"start": at(start), "end": at(start + QUARTER), "price": cheap.get(start, 0.30)}
            for start in range(first, first + hours * 3600, QUARTER)]


def goal(server) -> dict:
    return api(server, "GET", "/api/chargers/garage/goal?connector=1")


async def test_a_goal_set_through_the_api_charges_in_the_cheap_slot_and_a_price_update_replans_it(ampwise):
    server = ampwise(scheduler=SCHEDULER, chargers={"garage": ONE_PHASE}, tariff={"default": 1.0})
    now_quarter = int(time.time()) // QUARTER * QUARTER
    # The quarter hour holding now is the cheapest, the next one the cheapest after it (should
    # the test run across a boundary).
    await put_tariff(server, prices(now_quarter, {now_quarter: 0.05, now_quarter + QUARTER: 0.06}))
    async with connected(server, "garage") as charger:
        transaction = await plug_in_and_charge(charger)
        # 0.5 kWh at 3,680 W (one phase, 16 A) is one quarter hour.
        by = at(now_quarter + 6 * 3600)
        answer = await asyncio.to_thread(api, server, "POST", "/api/chargers/garage/goal",
                                         {"connector": 1, "energyKWh": 0.5, "by": by, "strategy": "cheapest"})
        assert answer["state"] == "charging" and answer["canMeet"] is True
        assert answer["transactionId"] == transaction and answer["energyKWh"] == 0.5
        assert answer["missingKWh"] == 0.5 and answer["powerW"] == 3680
        assert len(answer["slots"]) == 1 and answer["slots"][0]["price"] in (0.05, 0.06)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(16.0))
        shown = (await asyncio.to_thread(api, server, "GET", "/api/chargers/garage"))["connectors"][0]
        assert shown["goal"]["state"] == "charging" and shown["decision"]["rules"] == ["goal"]

        # The cheap quarter hour moves two hours on: the car pauses at once and GET says when.
        later = now_quarter + 8 * QUARTER
        await put_tariff(server, prices(now_quarter, {now_quarter: 0.50, now_quarter + QUARTER: 0.50, later: 0.01}))
        await charger.wait_for("SetChargingProfile", timeout=5, predicate=limit_is(0.0))
        replanned = await wait_until(lambda: (g := goal(server))["state"] == "waiting" and g, what="the new plan")
        assert replanned["slots"] == [{"start": at(later), "end": at(later + QUARTER), "price": 0.01}]
        assert abs(replanned["expectedCost"] - 0.5 * 0.01) < 1e-9
        decisions = await asyncio.to_thread(api, server, "GET", "/api/decisions?charger=garage")
        assert decisions[0]["rules"]["charging"] == ["goal"]
        assert decisions[0]["explanation"].endswith("goal: waiting for a planned slot")

    # A restart keeps the goal; DELETE clears it.
    server.stop()
    again = ampwise(reuse=server)
    kept = goal(again)
    assert kept["by"] == by and kept["energyKWh"] == 0.5 and kept["transactionId"] == transaction
    assert api(again, "DELETE", "/api/chargers/garage/goal?connector=1") == {"status": "Accepted", "connector": 1}


async def test_bad_goals_are_refused_naming_the_field(ampwise):
    server = ampwise(scheduler=SCHEDULER, chargers={"garage": ONE_PHASE})
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        future = at(int(time.time()) + 3600)
        for body, status, message in [
            ({"energyKWh": 0, "by": future}, 400, "energyKWh: expected a number above 0 and at most 1000"),
            ({"energyKWh": 5, "by": at(int(time.time()) - 60)}, 400, "by: must be in the future"),
            ({"energyKWh": 5, "by": future, "strategy": "fast"}, 400, 'strategy: expected "cheapest" or "solar"'),
            ({"connector": 3, "energyKWh": 5, "by": future}, 404, 'connector: charger "garage" has no connector 3'),
        ]:
            try:
                await asyncio.to_thread(api, server, "POST", "/api/chargers/garage/goal", body)
                raise AssertionError(f"{body} was accepted")
            except urllib.error.HTTPError as error:
                assert error.code == status and json.loads(error.read()) == {"error": message}, body
