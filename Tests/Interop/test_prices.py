"""Issue 13: dynamic prices fetched by the real `ampwise serve` from a local server that answers as
aWATTar documents it (and as the generic `http` provider reads any JSON list): the formula
applied, shown by `GET /api/tariff`, driving a `cheapest` rule, a price change re-planning it, a
failure shown by `GET /api/tariff/provider` while the prices stay, and the prices kept across a
restart; an energy goal (`cheapest ENERGY before HH:MM`) that stops once the session holds it.
"""

import asyncio
import time
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlparse

from ocpp.v16 import call

from charger import connected
from json_server import JSONServer
from test_scheduler import ONE_PHASE, SCHEDULER, api, limit_is, plug_in_and_charge
from test_sources import wait_until

HOUR = 3600


class FakePriceServer(JSONServer):
    """`GET /v1/marketdata?start=MS&end=MS` as aWATTar answers it (EUR/MWh, milliseconds), and
    `GET /prices` as a generic JSON list. `cheap_hour` (seconds since 1970, on the hour) costs
    10 EUR/MWh, every other hour 300; `status` other than 200 makes it fail."""

    def __init__(self, cheap_hour: int):
        self.cheap_hour = cheap_hour
        self.status = 200
        self.queries: list[dict] = []
        super().__init__(self.answer)

    def answer(self, path: str, headers) -> tuple[int, dict | None]:
        url = urlparse(path)
        self.queries.append({"path": url.path, **parse_qs(url.query)})
        if self.status != 200:
            return self.status, None
        now_hour = int(time.time()) // HOUR * HOUR
        hours = range(now_hour - 24 * HOUR, now_hour + 48 * HOUR, HOUR)
        price = lambda start: 10.0 if start == self.cheap_hour else 300.0
        if url.path == "/v1/marketdata":
            return 200, {"object": "list", "url": "/de/v1/marketdata", "data": [
                {"start_timestamp": start * 1000, "end_timestamp": (start + HOUR) * 1000,
                 "marketprice": price(start), "unit": "Eur/MWh"} for start in hours]}
        return 200, {"prices": [{"from": datetime.fromtimestamp(start, timezone.utc).isoformat(),
                                 "cents": price(start) / 10} for start in hours]}


CHEAPEST_RULES = {"cheap.rules": """
rule "off" {
    pause
}
rule "cheap" {
    priority 1
    when cheapest 1h before DEADLINE
    charge
    limit 16 A
}
"""}


def deadline_in_12_hours() -> str:
    return time.strftime("%H:00", time.gmtime(time.time() + 12 * HOUR))


def price_now(server) -> float:
    slots = api(server, "GET", "/api/tariff")
    return slots[0]["price"] if slots else None


async def test_awattar_prices_drive_a_cheapest_rule_and_a_price_change_replans_it(ampwise):
    now_hour = int(time.time()) // HOUR * HOUR
    prices = FakePriceServer(cheap_hour=now_hour)
    try:
        rules = {"cheap.rules": CHEAPEST_RULES["cheap.rules"].replace("DEADLINE", deadline_in_12_hours())}
        tariff = {"default": 1.0,
                  "provider": {"type": "awattar", "country": "de", "url": f"http://127.0.0.1:{prices.port}/v1/marketdata",
                               "refresh": 1, "retry": 1},
                  "formula": {"add": 0.12, "vat": 0.19}}
        server = ampwise(rules=rules, scheduler=SCHEDULER, chargers={"garage": ONE_PHASE}, tariff=tariff)
        # (0.010 + 0.12) × 1.19 = 0.1547 per kWh now, as GET /api/tariff shows pushed prices.
        await wait_until(lambda: price_now(server) is not None and abs(price_now(server) - 0.1547) < 1e-9,
                         what="the fetched price now")
        status = api(server, "GET", "/api/tariff/provider")
        assert status["type"] == "awattar" and status["state"] == "ok" and status["lastError"] is None
        assert status["knownUntil"] == datetime.fromtimestamp(now_hour + 48 * HOUR, timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        first = prices.queries[0]
        assert first["path"] == "/v1/marketdata" and int(first["start"][0]) == now_hour * 1000
        assert int(first["end"][0]) == (now_hour + 48 * HOUR) * 1000

        async with connected(server, "garage") as charger:
            await plug_in_and_charge(charger)
            await charger.wait_for("SetChargingProfile", predicate=limit_is(16.0))
            # The cheap hour moves to later: the next fetch re-plans and the car pauses now.
            prices.cheap_hour = now_hour + 3 * HOUR
            await wait_until(lambda: limit_is(0.0)(charger.calls("SetChargingProfile")[-1]), timeout=15,
                             what="a pause after the price change")
    finally:
        prices.close()


async def test_a_failing_provider_keeps_its_prices_says_so_and_a_restart_keeps_them(ampwise):
    now_hour = int(time.time()) // HOUR * HOUR
    prices = FakePriceServer(cheap_hour=now_hour)
    try:
        tariff = {"default": 1.0,
                  "provider": {"type": "http", "url": f"http://127.0.0.1:{prices.port}/prices", "path": "prices",
                               "start": "from", "price": "cents", "scale": 0.01, "refresh": 1, "retry": 1}}
        server = ampwise(tariff=tariff)
        await wait_until(lambda: price_now(server) == 0.01, what="the fetched price now")
        prices.status = 500
        failing = await wait_until(
            lambda: (s := api(server, "GET", "/api/tariff/provider"))["state"] == "failing" and s, what="failing")
        assert failing["lastError"] == "HTTP 500 Internal Server Error"
        assert price_now(server) == 0.01
        await asyncio.to_thread(server.wait_for_log, "http: cannot fetch prices: HTTP 500 Internal Server Error")
        # Restarted while the service is still down: the stored prices are there from the start.
        server.stop()
        again = ampwise(reuse=server)
        assert price_now(again) == 0.01
        assert api(again, "GET", "/api/tariff/provider")["state"] in ("starting", "failing")
        # The service comes back only once the restarted server's first fetch has failed: a fetch
        # that succeeds first is no recovery, and logs none.
        await asyncio.to_thread(again.wait_for_log, "http: cannot fetch prices: HTTP 500 Internal Server Error")
        prices.status = 200
        await asyncio.to_thread(again.wait_for_log, "http: prices fetched again after")
        # The status is ok before the line is logged.
        assert api(again, "GET", "/api/tariff/provider")["state"] == "ok"
    finally:
        prices.close()


async def test_an_energy_goal_charges_in_the_cheap_slots_and_stops_once_the_session_holds_it(ampwise):
    now_hour = int(time.time()) // HOUR * HOUR
    prices = FakePriceServer(cheap_hour=now_hour)
    try:
        # 3.6 kWh at 3680 W (one phase, 16 A) is 4 quarter hours: every cheap one left in this hour.
        rules = {"goal.rules": f"""
rule "goal: off" {{
    pause
}}
rule "goal" {{
    priority 1
    when cheapest 3.6 kWh before {deadline_in_12_hours()}
    charge
    limit 16 A
}}
"""}
        tariff = {"default": 1.0, "provider": {"type": "awattar", "url": f"http://127.0.0.1:{prices.port}/v1/marketdata"}}
        server = ampwise(rules=rules, scheduler=SCHEDULER, chargers={"garage": ONE_PHASE}, tariff=tariff)
        await wait_until(lambda: api(server, "GET", "/api/tariff/provider")["state"] == "ok", what="prices")
        async with connected(server, "garage") as charger:
            transaction = await plug_in_and_charge(charger)
            await charger.wait_for("SetChargingProfile", predicate=limit_is(16.0))
            stamp = datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")
            await charger.call(call.MeterValues(connector_id=1, transaction_id=transaction, meter_value=[
                {"timestamp": stamp, "sampledValue": [
                    {"value": "3.6", "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
                    {"value": "3.6", "measurand": "Power.Active.Import", "unit": "kW"}]}]))
            await wait_until(lambda: limit_is(0.0)(charger.calls("SetChargingProfile")[-1]), timeout=15,
                             what="a pause once the goal is met")
    finally:
        prices.close()
