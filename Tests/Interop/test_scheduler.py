"""Issue 5: the scheduler end to end, through `ampwise serve`, against the Python `ocpp` charger.

Every test keeps time short (1 s ticks, 1 s pacing, 2 s retries) and waits on the charger's
received CALLs (`wait_for`), never on sleeps. Every SetChargingProfile the charger receives is
checked against the OCPP 1.6 smart-charging rules (`assert_valid_profiles`).
"""

import asyncio
import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

from ocpp.charge_point import snake_to_camel_case
from ocpp.routing import on
from ocpp.v16 import call, call_result
from ocpp.v16.enums import Action, ChargingProfileStatus

from charger import PythonCharger, connected
from conftest import AMPWISE_BIN

SCHEDULER = {"tick": 1, "deadband": 0.5, "minIncreaseInterval": 1, "inputMaxAge": 300, "retryInterval": 2}
ONE_PHASE = {"phases": 1, "voltage": 230, "minCurrent": 6, "maxCurrent": 16}


def start_server(ampwise, rules: dict[str, str], chargers: dict | None = None, **overrides):
    return ampwise(rules=rules, scheduler=SCHEDULER, chargers=chargers or {}, **overrides)


# --- HTTP API -------------------------------------------------------------------------------

def api(server, method: str, path: str, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.api_port}{path}", data=data, method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


async def put_inputs(server, values: dict):
    return await asyncio.to_thread(api, server, "PUT", "/api/inputs", values)


async def put_tariff(server, slots: list):
    return await asyncio.to_thread(api, server, "PUT", "/api/tariff", slots)


async def wait_for_commands(server, charger_id: str, predicate, timeout: float = 10) -> list:
    """Polls the audit trail until `predicate(commands)` holds: a command is recorded once answered."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        recorded = await commands(server, charger_id)
        if predicate(recorded):
            return recorded
        if loop.time() > deadline:
            raise AssertionError(f"recorded commands never matched: {recorded}")
        await asyncio.sleep(0.1)


async def commands(server, charger_id: str):
    """The scheduler's recorded commands for a charger, oldest first (the API answers newest first)."""
    recorded = await asyncio.to_thread(api, server, "GET", f"/api/commands?charger={charger_id}")
    return [c for c in reversed(recorded) if c["source"] == "scheduler"]


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- the charger side -----------------------------------------------------------------------

async def plug_in_and_charge(charger: PythonCharger, connector: int = 1) -> int:
    """Boots, reports Preparing, starts a transaction and reports Charging; returns its id."""
    await charger.boot()
    await charger.call(call.StatusNotification(connector_id=connector, error_code="NoError", status="Preparing"))
    started = await charger.call(call.StartTransaction(
        connector_id=connector, id_tag="ampwise", meter_start=0,
        timestamp=datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")))
    await charger.call(call.StatusNotification(connector_id=connector, error_code="NoError", status="Charging"))
    return started.transaction_id


async def wait_for_count(charger: PythonCharger, action: str, count: int, timeout: float = 10) -> None:
    """Waits until the charger has received `count` CALLs of `action`."""
    await charger.wait_for(action, timeout=timeout, predicate=lambda _: len(charger.calls(action)) >= count)


def wire(payload: dict) -> dict:
    """A received SetChargingProfile as it was on the wire (the `ocpp` package hands handlers snake_case)."""
    return snake_to_camel_case(payload)


def profiles(charger: PythonCharger) -> list[dict]:
    return [wire(payload) for payload in charger.calls("SetChargingProfile")]


def profile_limit(payload: dict) -> float:
    return float(wire(payload)["csChargingProfiles"]["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"])


def limit_is(value: float):
    return lambda payload: abs(profile_limit(payload) - value) < 0.05


def purpose_is(purpose: str):
    return lambda payload: wire(payload)["csChargingProfiles"]["chargingProfilePurpose"] == purpose


def assert_valid_profiles(charger: PythonCharger, transaction_ids=()) -> None:
    """Every SetChargingProfile received obeys OCPP 1.6 (schema and smart-charging section 3.13)."""
    max_stack = int(charger.configuration.get("ChargeProfileMaxStackLevel", "0"))
    single = charger.configuration.get("NumberOfConnectors", "1") == "1"
    assert profiles(charger), "no SetChargingProfile received"
    for payload in profiles(charger):
        connector = payload["connectorId"]
        profile = payload["csChargingProfiles"]
        assert isinstance(connector, int) and connector >= 0, payload
        assert isinstance(profile["chargingProfileId"], int), payload
        assert isinstance(profile["stackLevel"], int) and 0 <= profile["stackLevel"] <= max_stack, payload
        purpose = profile["chargingProfilePurpose"]
        kind = profile["chargingProfileKind"]
        assert purpose in ("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile"), payload
        assert kind in ("Absolute", "Recurring", "Relative"), payload
        if purpose == "TxProfile":
            assert connector > 0 and "transactionId" in profile, payload
            if transaction_ids:
                assert profile["transactionId"] in transaction_ids, payload
        else:
            assert "transactionId" not in profile, payload
        if purpose == "ChargePointMaxProfile":
            assert connector == 0 and single, payload
        schedule = profile["chargingSchedule"]
        if kind == "Relative":
            assert "startSchedule" not in schedule, payload
        if kind == "Absolute":
            assert "startSchedule" in schedule, payload
        if kind == "Recurring":
            assert "recurrencyKind" in profile and "startSchedule" in schedule, payload
        assert schedule["chargingRateUnit"] in ("A", "W"), payload
        periods = schedule["chargingSchedulePeriod"]
        assert periods and periods[0]["startPeriod"] == 0, payload
        starts = [period["startPeriod"] for period in periods]
        assert starts == sorted(set(starts)), payload
        for period in periods:
            assert period["limit"] >= 0 and round(period["limit"], 1) == period["limit"], payload
            assert period.get("numberPhases", 3) in (1, 2, 3), payload
        # Ampwise's fixed ids: 100 + connector, 200 + connector, 300.
        expected_id = {"TxDefaultProfile": 100 + connector, "TxProfile": 200 + connector,
                       "ChargePointMaxProfile": 300}[purpose]
        assert profile["chargingProfileId"] == expected_id, payload


# --- tests ----------------------------------------------------------------------------------

async def test_auto_start_on_preparing(ampwise):
    rules = {"start.rules": 'rule "auto start" {\n when status is Preparing\n start idtag "car"\n}\n'}
    server = start_server(ampwise, rules)
    async with connected(server, "garage") as charger:
        await charger.boot()
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Available"))
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
        start = await charger.wait_for("RemoteStartTransaction")
        assert start == {"idTag": "car", "connectorId": 1}
        recorded = await wait_for_commands(server, "garage", lambda r: len(r) >= 1)
        assert [(c["action"], c["outcome"]) for c in recorded] == [("RemoteStartTransaction", "Accepted")]
    # `ampwise why` reads the same database while the server runs.
    why = await asyncio.to_thread(
        subprocess.run,
        [AMPWISE_BIN, "why", "garage", "--config", str(server.config_path),
         "--db", str(server.directory / "ampwise.sqlite")],
        capture_output=True, text=True, timeout=30)
    assert why.returncode == 0, why.stderr
    lines = why.stdout.splitlines()
    assert any(re.search(r"garage:1 +decided +start a session \(session: auto start\)$", line) for line in lines)
    assert any(re.search(r"garage:1 +sent +RemoteStartTransaction idTag car -> Accepted \(\d+ ms\)$", line)
               for line in lines), lines


PAUSE_AND_AUTO_START = {
    "night.rules": 'rule "off by default" {\n pause\n}\n',
    "start.rules": 'rule "auto start" {\n when status is Preparing\n start idtag "car"\n}\n',
}


async def why(server, *flags: str) -> list[str]:
    """`ampwise why garage` on the server's database, as lines."""
    result = await asyncio.to_thread(
        subprocess.run,
        [AMPWISE_BIN, "why", "garage", "--config", str(server.config_path),
         "--db", str(server.directory / "ampwise.sqlite"), *flags],
        capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


async def test_a_car_plugged_in_while_paused_gets_its_session_started_and_held_at_zero(ampwise):
    # Issue 9 item 1, the README's tour 3: with pause "profile" the start does not wait for the
    # night window, by which time a real charger has left Preparing.
    server = start_server(ampwise, PAUSE_AND_AUTO_START, chargers={"garage": ONE_PHASE})
    async with connected(server, "garage") as charger:
        await charger.boot()
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
        assert await charger.wait_for("RemoteStartTransaction") == {"idTag": "car", "connectorId": 1}
        assert [profile_limit(p) for p in charger.calls("SetChargingProfile")] == [0.0]


async def test_with_pause_remote_stop_the_start_waits_and_why_says_it_is_held_back(ampwise):
    server = start_server(ampwise, PAUSE_AND_AUTO_START, chargers={"garage": {**ONE_PHASE, "pause": "remoteStop"}},
                          timezone="Europe/Amsterdam")
    async with connected(server, "garage") as charger:
        await charger.boot()
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
        decisions = await asyncio.to_thread(api, server, "GET", "/api/decisions?charger=garage")
        deadline = asyncio.get_running_loop().time() + 10
        while not decisions or not decisions[0]["heldBack"]:
            assert asyncio.get_running_loop().time() < deadline, decisions
            await asyncio.sleep(0.1)
            decisions = await asyncio.to_thread(api, server, "GET", "/api/decisions?charger=garage")
        assert decisions[0]["heldBack"] == ['start: waits until the pause lifts (pause is "remoteStop")']
        assert (decisions[0]["charging"], decisions[0]["session"]) == (False, "start")
        assert charger.calls("RemoteStartTransaction") == []
    lines = await why(server)
    assert lines[0] in ("Times in Europe/Amsterdam (UTC+01:00).", "Times in Europe/Amsterdam (UTC+02:00).")
    assert any(line.endswith('held back: start: waits until the pause lifts (pause is "remoteStop")')
               for line in lines), lines


async def test_why_shows_the_limit_asked_the_minimum_and_the_inputs_behind_a_pause(ampwise):
    # Issue 9 item 6.
    rules = {"solar.rules": 'rule "solar" {\n limit -grid.power\n}\n'}
    server = start_server(ampwise, rules, chargers={"garage": ONE_PHASE})
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await put_inputs(server, {"grid.power": -989})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(0.0))
    decided = [line for line in await why(server) if " decided " in line]
    assert decided[-1].endswith("pause, the limit asked (4.3 A) is below the charger's minimum (6.0 A) "
                                "(limit: solar); inputs: grid.power -989 W"), decided


async def test_solar_following_limits_follow_grid_power_outside_the_deadband(ampwise):
    rules = {"solar.rules": 'rule "solar following" {\n limit -grid.power\n}\n'}
    server = start_server(ampwise, rules, chargers={"garage": ONE_PHASE})
    async with connected(server, "garage") as charger:
        transaction = await plug_in_and_charge(charger)
        await put_inputs(server, {"grid.power": -2300})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        await put_inputs(server, {"grid.power": -3450})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(15.0))
        # 15.2 A is within the 0.5 A deadband of 15 A: not sent. The next decrease is the barrier.
        await put_inputs(server, {"grid.power": -3500})
        await put_inputs(server, {"grid.power": -1610})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(7.0))
        limits = [profile_limit(p) for p in charger.calls("SetChargingProfile")]
        assert limits == [10.0, 15.0, 7.0]
        assert_valid_profiles(charger, {transaction})


async def test_solar_following_holds_through_a_passing_cloud(ampwise):
    rules = {"solar.rules": (
        'rule "off" {\n pause\n}\n'
        'rule "solar" {\n priority 1\n when solar.surplus >= 1.4 kW hold 2s\n charge\n limit 10 A\n}\n')}
    server = start_server(ampwise, rules, chargers={"garage": ONE_PHASE})
    loop = asyncio.get_running_loop()
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await put_inputs(server, {"grid.power": -2300})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        cloud = loop.time()
        await put_inputs(server, {"grid.power": 500})
        await wait_for_count(charger, "SetChargingProfile", len(charger.calls("SetChargingProfile")) + 1)
        # `hold 2s` kept the rule active for two seconds after the surplus went.
        assert loop.time() - cloud >= 1.9
        assert profile_limit(charger.calls("SetChargingProfile")[-1]) == 0.0
        assert_valid_profiles(charger)


async def test_a_cheap_window_that_ends_pauses_with_a_zero_profile_and_resumes(ampwise):
    rules = {"night.rules": (
        'rule "off by default" {\n pause\n}\n'
        'rule "cheap" {\n priority 1\n when price < 0.20\n charge\n limit 16 A\n}\n')}
    server = start_server(ampwise, rules, tariff={"default": 0.30})
    now = datetime.now(timezone.utc)
    window = [iso(now - timedelta(hours=1)), iso(now + timedelta(hours=1))]
    async with connected(server, "garage") as charger:
        transaction = await plug_in_and_charge(charger)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(0.0))
        await put_tariff(server, [{"start": window[0], "end": window[1], "price": 0.10}])
        await charger.wait_for("SetChargingProfile", predicate=limit_is(16.0))
        await put_tariff(server, [{"start": window[0], "end": window[1], "price": 0.40}])
        await wait_for_count(charger, "SetChargingProfile", 3)
        assert charger.calls("RemoteStopTransaction") == []  # the transaction stays open
        await put_tariff(server, [{"start": window[0], "end": window[1], "price": 0.10}])
        await wait_for_count(charger, "SetChargingProfile", 4)
        assert [profile_limit(p) for p in charger.calls("SetChargingProfile")] == [0.0, 16.0, 0.0, 16.0]
        assert_valid_profiles(charger, {transaction})


async def test_a_fuse_cap_wins_over_the_solar_rule(ampwise):
    rules = {"site.rules": (
        'rule "solar following" {\n limit -grid.power\n}\n'
        'rule "fuse" {\n limit 10 A\n}\n')}
    server = start_server(ampwise, rules, chargers={"garage": ONE_PHASE})
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await put_inputs(server, {"grid.power": -3450})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        await put_inputs(server, {"grid.power": -1840})
        await charger.wait_for("SetChargingProfile", predicate=limit_is(8.0))
        assert max(profile_limit(p) for p in charger.calls("SetChargingProfile")) == 10.0
        assert_valid_profiles(charger)


async def test_two_chargers_share_a_budget(ampwise):
    rules = {"fuse.rules": 'rule "garage fuse" {\n chargers garage, carport\n share 20 A\n}\n'}
    server = start_server(ampwise, rules)
    async with connected(server, "garage") as garage, connected(server, "carport") as carport:
        await plug_in_and_charge(garage)
        await garage.wait_for("SetChargingProfile", predicate=limit_is(16.0))
        await plug_in_and_charge(carport)
        await garage.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        await carport.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        assert_valid_profiles(garage)
        assert_valid_profiles(carport)


class TxDefaultRejectingCharger(PythonCharger):
    """Accepts TxProfile only, as some firmware does."""

    @on(Action.set_charging_profile)
    def on_set_charging_profile(self, connector_id, cs_charging_profiles, **_):
        self.record("SetChargingProfile", {"connectorId": connector_id, "csChargingProfiles": cs_charging_profiles})
        accepted = cs_charging_profiles["charging_profile_purpose"] == "TxProfile"
        return call_result.SetChargingProfile(
            status=ChargingProfileStatus.accepted if accepted else ChargingProfileStatus.rejected)


async def test_a_charger_that_rejects_tx_default_profile_gets_tx_profile_and_it_is_recorded(ampwise):
    rules = {"cap.rules": 'rule "cap" {\n limit 10 A\n}\n'}
    server = start_server(ampwise, rules)
    async with connected(server, "garage", cls=TxDefaultRejectingCharger) as charger:
        transaction = await plug_in_and_charge(charger)
        profile = await charger.wait_for("SetChargingProfile", predicate=purpose_is("TxProfile"))
        assert wire(profile)["csChargingProfiles"]["transactionId"] == transaction
        assert limit_is(10.0)(profile)
        assert_valid_profiles(charger, {transaction})
        def outcomes(recorded):
            return [(c["payload"]["csChargingProfiles"]["chargingProfilePurpose"], c["outcome"])
                    for c in recorded if c["action"] == "SetChargingProfile"]

        recorded = await wait_for_commands(server, "garage", lambda r: ("TxProfile", "Accepted") in outcomes(r))
        assert ("TxDefaultProfile", "Rejected") in outcomes(recorded)


class SilentOnceCharger(PythonCharger):
    """Never answers the first SetChargingProfile, as a charger whose reply got lost."""

    dropped = False

    async def route_message(self, raw_msg):
        message = json.loads(raw_msg)
        if message[0] == 2 and message[2] == "SetChargingProfile" and not self.dropped:
            self.dropped = True
            self.record("SetChargingProfile", message[3])
            return
        await super().route_message(raw_msg)


async def test_a_charger_that_does_not_answer_is_retried(ampwise):
    rules = {"cap.rules": 'rule "cap" {\n limit 10 A\n}\n'}
    server = start_server(ampwise, rules, central={"callTimeout": 1})
    async with connected(server, "garage", cls=SilentOnceCharger) as charger:
        await plug_in_and_charge(charger)
        await charger.wait_for("SetChargingProfile")
        await wait_for_count(charger, "SetChargingProfile", 2, timeout=15)
        assert [profile_limit(p) for p in charger.calls("SetChargingProfile")][:2] == [10.0, 10.0]
        assert_valid_profiles(charger)
        recorded = await wait_for_commands(
            server, "garage", lambda r: [c["outcome"] for c in r if c["action"] == "SetChargingProfile"][:2]
            == ["Timeout", "Accepted"])
        assert recorded[-1]["decisionId"] is not None


async def test_a_charger_that_reconnects_gets_its_decisions_again(ampwise):
    rules = {"cap.rules": 'rule "cap" {\n limit 10 A\n}\n'}
    server = start_server(ampwise, rules)
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        assert_valid_profiles(charger)
    async with connected(server, "garage") as again:
        await again.boot()
        await again.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        assert_valid_profiles(again)


async def test_a_pause_profile_left_from_before_a_restart_is_withdrawn(ampwise):
    rules = {"night.rules": 'rule "off by default" {\n pause\n}\n'}
    server = start_server(ampwise, rules)
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(0.0))
        await wait_for_commands(
            server, "garage", lambda r: [(c["action"], c["outcome"]) for c in r] == [("SetChargingProfile", "Accepted")])
    server.stop()

    # While Ampwise was down, the user removed the pause rule: the 0 A profile on the charger must
    # not hold the car for good.
    (server.rules_dir / "night.rules").write_text("# nothing here any more\n")
    restarted = ampwise(reuse=server)
    async with connected(restarted, "garage") as again:
        await again.boot()
        cleared = await again.wait_for("ClearChargingProfile")
        assert cleared["id"] == 101
        assert again.calls("SetChargingProfile") == []
        # The audit trail says why, for `ampwise why` and the API.
        recorded = await wait_for_commands(
            restarted, "garage", lambda r: any(c["action"] == "ClearChargingProfile" for c in r))
        assert [(c["action"], c["reason"]) for c in recorded if c["action"] == "ClearChargingProfile"] == [
            ("ClearChargingProfile", "withdraw a profile set before Ampwise restarted")]


async def test_rules_reload_on_sighup_and_through_the_api_and_bad_rules_keep_the_last_good_ones(ampwise):
    server = start_server(ampwise, {"cap.rules": 'rule "cap" {\n limit 10 A\n}\n'})
    cap = server.rules_dir / "cap.rules"
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))

        cap.write_text('rule "cap" {\n limit 8 A\n}\n')
        os.kill(server.process.pid, signal.SIGHUP)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(8.0))

        cap.write_text('rule "cap" {\n limit 8\n}\n')
        try:
            await asyncio.to_thread(api, server, "POST", "/api/rules/reload")
            raise AssertionError("a reload of rules with an error must fail")
        except urllib.error.HTTPError as error:
            assert error.code == 400
            answer = json.loads(error.read())
        assert answer["error"] == "the rules have 1 error; the last good rules stay loaded"
        assert [line.split("cap.rules:")[1] for line in answer["errors"]] == [
            "2:8: error: 'limit' needs a current or a power (A, W or kW), found number"]
        # The last good rules stay in force.
        loaded = await asyncio.to_thread(api, server, "GET", "/api/rules")
        assert [rule["name"] for rule in loaded["rules"]] == ["cap"]

        cap.write_text('rule "cap" {\n limit 6 A\n}\n')
        reloaded = await asyncio.to_thread(api, server, "POST", "/api/rules/reload")
        assert reloaded == {"status": "reloaded", "rules": ["cap"], "warnings": []}
        await charger.wait_for("SetChargingProfile", predicate=limit_is(6.0))
        assert [profile_limit(p) for p in charger.calls("SetChargingProfile")] == [10.0, 8.0, 6.0]
        assert_valid_profiles(charger)
