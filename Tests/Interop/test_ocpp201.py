"""OCPP 2.0.1 (SPEC §12, docs/ocpp201.md): the Python `ocpp` package's `ocpp.v201.ChargePoint`
as a charging station against the real `ampwise serve`."""

import asyncio
import json
import urllib.error
import urllib.request

import pytest
import websockets

from ocpp.v201 import call

from charger201 import connected201, now
from test_scheduler import SCHEDULER, ONE_PHASE, api, wait_for_commands


def api_error(server, method: str, path: str, body=None) -> tuple[int, dict]:
    try:
        api(server, method, path, body)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
    raise AssertionError("expected an error")


async def charger(server, charger_id: str) -> dict:
    return await asyncio.to_thread(api, server, "GET", f"/api/chargers/{charger_id}")


async def until(predicate, timeout: float = 10):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = await predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError("condition never held")
        await asyncio.sleep(0.1)


@pytest.mark.parametrize(
    "protocols, offered, expected",
    [(None, ["ocpp2.0.1", "ocpp1.6"], "ocpp1.6"), (["ocpp2.0.1", "ocpp1.6"], ["ocpp1.6", "ocpp2.0.1"], "ocpp2.0.1"),
     (None, ["ocpp2.0.1"], "ocpp2.0.1"), (["ocpp2.0.1"], None, None)],
)
async def test_central_protocols_chooses_the_subprotocol(ampwise, protocols, offered, expected):
    server = ampwise(central={"protocols": protocols} if protocols else {})
    async with websockets.connect(server.url("CS-SUB"), subprotocols=offered, open_timeout=5) as connection:
        assert connection.subprotocol == expected


async def test_a_station_offering_only_unlisted_protocols_is_refused(ampwise):
    server = ampwise(central={"protocols": ["ocpp1.6"]})
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(server.url("CS-SUB"), subprotocols=["ocpp2.0.1"], open_timeout=5):
            pass
    assert refused.value.response.status_code == 400


async def test_boot_and_set_up(ampwise):
    server = ampwise(central={"meterValueSampleInterval": 30})
    async with connected201(server, "CS1") as station:
        booted = await station.boot()
        assert booted.status == "Accepted" and booted.interval == 120
        got = await station.wait_for("GetVariables")
        names = {(d["component"]["name"], d["variable"]["name"]) for d in got["getVariableData"]}
        assert ("SmartChargingCtrlr", "RateUnit") in names and ("SampledDataCtrlr", "TxUpdatedInterval") in names
        changed = await station.wait_for("SetVariables")
        values = {d["variable"]["name"]: d["attribute_value"] for d in changed["setVariableData"]}
        assert values["TxUpdatedInterval"] == "30"
        assert "Power.Active.Import" in values["TxUpdatedMeasurands"].split(",")
        await station.status("Occupied")
        shown = await until(lambda: _when(charger(server, "CS1"), lambda c: c["connectors"]
                                          and c["connectors"][0]["status"] == "Preparing"))
        assert shown["protocol"] == "ocpp2.0.1"
        assert (shown["vendor"], shown["model"], shown["serialNumber"]) == ("PyVendor", "Py201", "SN-201")
        server.wait_for_log("CS1 set-up done")
        # Asked of the station itself (GetVariables), in GetConfiguration's shape.
        config = await asyncio.to_thread(
            api, server, "GET",
            "/api/chargers/CS1/configuration?key=SmartChargingCtrlr.RateUnit&key=SmartChargingCtrlr.Nope")
        assert config == {"configurationKey": [{"key": "SmartChargingCtrlr.RateUnit", "value": "A,W"}],
                          "unknownKey": ["SmartChargingCtrlr.Nope"]}


async def _when(awaitable, predicate):
    value = await awaitable
    return value if predicate(value) else None


async def test_every_csms_message_goes_through_the_generic_call(ampwise):
    server = ampwise()
    async with connected201(server, "CS2") as station:
        await station.boot()
        answer = await asyncio.to_thread(api, server, "POST", "/api/chargers/CS2/call", {
            "action": "GetBaseReport", "payload": {"requestId": 7, "reportBase": "FullInventory"}})
        assert answer == {"status": "Accepted"}
        assert await station.wait_for("GetBaseReport") == {"requestId": 7, "reportBase": "FullInventory"}
        # The report comes in two parts; the device model is whole after the second.
        def variable(component, name, value):
            return {"component": {"name": component}, "variable": {"name": name},
                    "variable_attribute": [{"type": "Actual", "value": value, "mutability": "ReadOnly"}]}
        await station.call(call.NotifyReport(request_id=7, generated_at=now(), seq_no=0, tbc=True,
                                             report_data=[variable("EVSE", "Power", "11000")]))
        await station.call(call.NotifyReport(request_id=7, generated_at=now(), seq_no=1,
                                             report_data=[variable("SmartChargingCtrlr", "PeriodsPerSchedule", "12")]))
        # Without keys: the device model as Ampwise learned it.
        config = await asyncio.to_thread(api, server, "GET", "/api/chargers/CS2/configuration")
        learned = {entry["key"]: entry["value"] for entry in config["configurationKey"]}
        assert learned["EVSE.Power"] == "11000" and learned["SmartChargingCtrlr.PeriodsPerSchedule"] == "12"
        status, body = await asyncio.to_thread(api_error, server, "POST", "/api/chargers/CS2/call", {
            "action": "GetBaseReport", "payload": {"requestId": 7, "reportBase": "Everything"}})
        assert status == 400 and "payload.reportBase" in body["error"]
        status, body = await asyncio.to_thread(api_error, server, "POST", "/api/chargers/CS2/call", {
            "action": "RemoteStartTransaction", "payload": {"idTag": "x"}})
        assert status == 400 and body["error"].startswith("action:")


AUTO_START = {"start.rules": 'rule "auto start" {\n when status is Preparing\n start idtag "car"\n}\n'}


async def test_auto_start_sends_request_start_transaction(ampwise):
    server = ampwise(rules=AUTO_START, scheduler=SCHEDULER, chargers={"CS3": ONE_PHASE})
    async with connected201(server, "CS3") as station:
        await station.boot()
        await station.status("Occupied")
        start = await station.wait_for("RequestStartTransaction")
        assert start["evseId"] == 1 and start["idToken"] == {"id_token": "car", "type": "Central"}
        recorded = await wait_for_commands(server, "CS3", lambda r: any(
            c["action"] == "RequestStartTransaction" for c in r))
        assert [c["outcome"] for c in recorded if c["action"] == "RequestStartTransaction"][0] == "Accepted"
        # The station starts the transaction it was asked for: the EVSE charges.
        await station.transaction_event("Started", "T-1", 0, charging_state="Charging",
                                        remote_start_id=start["remoteStartId"], trigger_reason="RemoteStart")
        shown = await until(lambda: _when(charger(server, "CS3"),
                                          lambda c: c["connectors"][0]["status"] == "Charging"))
        assert shown["connectors"][0]["status"] == "Charging"
        # Each RequestStartTransaction has a remoteStartId of its own, and its record shows it.
        await asyncio.to_thread(api, server, "POST", "/api/chargers/CS3/start", {"connector": 1})
        await station.wait_for("RequestStartTransaction", predicate=lambda p: p["remoteStartId"] != start["remoteStartId"])
        sent = [p["remoteStartId"] for p in station.calls("RequestStartTransaction")]
        recorded = await until(lambda: _when(asyncio.to_thread(api, server, "GET", "/api/commands?charger=CS3"),
                                             lambda r: len([c for c in r if c["action"] == "RequestStartTransaction"]) == 2))
        assert sorted(c["payload"]["remoteStartId"] for c in recorded if c["action"] == "RequestStartTransaction") \
            == sorted(sent)
        assert len(set(sent)) == 2


async def test_a_started_event_after_a_restart_is_tied_to_the_request_sent_before_it(ampwise):
    server = ampwise()
    async with connected201(server, "CS8") as station:
        await station.boot()
        await station.status("Occupied")
        answer = await asyncio.to_thread(api, server, "POST", "/api/chargers/CS8/start",
                                         {"connector": 1, "idTag": "car-8"})
        assert answer == {"status": "Accepted"}
        request = await station.wait_for("RequestStartTransaction")
    # Killed before the station reports the transaction it accepted.
    server.stop(kill=True)
    restarted = ampwise(reuse=server)
    async with connected201(restarted, "CS8") as station:
        # No id token of the station's own: the session is the request's.
        await station.transaction_event("Started", "R-8", 0, charging_state="Charging",
                                        remote_start_id=request["remoteStartId"], trigger_reason="RemoteStart")
    sessions = await asyncio.to_thread(api, restarted, "GET", "/api/transactions?charger=CS8")
    assert [(s["ocppTransactionId"], s["idTag"], s.get("remoteStartId")) for s in sessions] \
        == [("R-8", "car-8", request["remoteStartId"])]


# --- sessions, limits and the scheduler -------------------------------------------------------

async def plug_in_and_charge201(station, transaction_id: str = "TX-1", energy_wh: float = 0) -> None:
    """Boots, reports Occupied and starts an authorised, charging transaction on EVSE 1."""
    await station.boot()
    await station.status("Occupied")
    await station.transaction_event("Started", transaction_id, 0, charging_state="Charging", id_token="ampwise",
                                    energy_wh=energy_wh, trigger_reason="Authorized")


def limit201(payload: dict) -> float:
    return float(payload["chargingProfile"]["charging_schedule"][0]["charging_schedule_period"][0]["limit"])


def limit201_is(value: float):
    return lambda payload: abs(limit201(payload) - value) < 0.05


def purpose201(payload: dict) -> str:
    return payload["chargingProfile"]["charging_profile_purpose"]


async def test_solar_following_limits_a_201_station(ampwise):
    rules = {"solar.rules": 'rule "solar following" {\n limit -grid.power\n}\n'}
    server = ampwise(rules=rules, scheduler=SCHEDULER, chargers={"CS": ONE_PHASE})
    async with connected201(server, "CS") as station:
        await plug_in_and_charge201(station)
        await asyncio.to_thread(api, server, "PUT", "/api/inputs", {"grid.power": -2300})
        first = await station.wait_for("SetChargingProfile", predicate=limit201_is(10.0))
        assert first["evseId"] == 1 and purpose201(first) == "TxDefaultProfile"
        schedule = first["chargingProfile"]["charging_schedule"][0]
        assert schedule["charging_rate_unit"] == "A" and schedule["charging_schedule_period"][0]["number_phases"] == 1
        await asyncio.to_thread(api, server, "PUT", "/api/inputs", {"grid.power": -3450})
        await station.wait_for("SetChargingProfile", predicate=limit201_is(15.0))


async def test_a_cheap_window_pauses_a_201_station_with_0_a_and_resumes(ampwise):
    from datetime import datetime, timedelta, timezone
    from test_scheduler import iso
    rules = {"night.rules": (
        'rule "off by default" {\n pause\n}\n'
        'rule "cheap" {\n priority 1\n when price < 0.20\n charge\n limit 16 A\n}\n')}
    server = ampwise(rules=rules, scheduler=SCHEDULER, tariff={"default": 0.30})
    now = datetime.now(timezone.utc)
    window = [iso(now - timedelta(hours=1)), iso(now + timedelta(hours=1))]
    async with connected201(server, "CS") as station:
        await plug_in_and_charge201(station)
        await station.wait_for("SetChargingProfile", predicate=limit201_is(0.0))
        await asyncio.to_thread(api, server, "PUT", "/api/tariff", [{"start": window[0], "end": window[1], "price": 0.10}])
        await station.wait_for("SetChargingProfile", predicate=limit201_is(16.0))
        await asyncio.to_thread(api, server, "PUT", "/api/tariff", [{"start": window[0], "end": window[1], "price": 0.40}])
        await station.wait_for("SetChargingProfile",
                               predicate=lambda _: [limit201(p) for p in station.calls("SetChargingProfile")][-1] == 0.0)
        assert station.calls("RequestStopTransaction") == []
        assert [limit201(p) for p in station.calls("SetChargingProfile")] == [0.0, 16.0, 0.0]


async def test_a_201_station_rejecting_tx_default_profile_gets_a_tx_profile_with_its_own_id(ampwise):
    server = ampwise(scheduler=SCHEDULER)
    async with connected201(server, "CS") as station:
        station.rejected_purposes = {"TxDefaultProfile"}
        await station.boot()
        await station.transaction_event("Started", "tx-abc", 0, charging_state="Charging", id_token="ampwise",
                                        energy_wh=0, trigger_reason="Authorized")
        await station.status("Occupied")
        # The rule comes only now that Ampwise knows the transaction (Started is answered once it
        # is stored). A limit decided before would find no transaction and rightly fall back to
        # ChargingStationMaxProfile, which is not what this test checks: with Occupied first the
        # scheduler acts before Started, and with Started first the EVSE is already in the
        # scheduler's world (as Available, no status yet) while the Started event is being stored.
        shown = await charger(server, "CS")
        assert shown["connectors"][0]["transaction"]["idTag"] == "ampwise"
        (server.rules_dir / "cap.rules").write_text('rule "cap" {\n limit 10 A\n}\n')
        reloaded = await asyncio.to_thread(api, server, "POST", "/api/rules/reload")
        assert reloaded["rules"] == ["cap"]
        profile = await station.wait_for("SetChargingProfile", predicate=lambda p: purpose201(p) == "TxProfile")
        assert profile["chargingProfile"]["transaction_id"] == "tx-abc"
        assert limit201(profile) == 10.0
        recorded = await wait_for_commands(server, "CS", lambda r: any(
            c["action"] == "SetChargingProfile" and c["outcome"] == "Accepted" for c in r))
        outcomes = [(c["payload"]["chargingProfile"]["chargingProfilePurpose"], c["outcome"])
                    for c in recorded if c["action"] == "SetChargingProfile"]
        assert ("TxDefaultProfile", "Rejected") in outcomes and ("TxProfile", "Accepted") in outcomes


async def test_a_16_and_a_201_charger_share_one_budget(ampwise):
    from charger import connected
    from test_scheduler import plug_in_and_charge, limit_is
    rules = {"fuse.rules": 'rule "garage fuse" {\n chargers garage, carport\n share 20 A\n}\n'}
    server = ampwise(rules=rules, scheduler=SCHEDULER)
    async with connected(server, "garage") as garage, connected201(server, "carport") as carport:
        await plug_in_and_charge(garage)
        await garage.wait_for("SetChargingProfile", predicate=limit_is(16.0))
        await plug_in_and_charge201(carport)
        await garage.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        await carport.wait_for("SetChargingProfile", predicate=limit201_is(10.0))


async def test_sigkill_mid_transaction_loses_nothing_acknowledged(ampwise):
    server = ampwise()
    async with connected201(server, "CS") as station:
        await plug_in_and_charge201(station, "keep-1", energy_wh=1000)
        await station.transaction_event("Updated", "keep-1", 1, evse=None, energy_wh=2500,
                                        trigger_reason="MeterValuePeriodic")
    server.stop(kill=True)
    restarted = ampwise(reuse=server)
    sessions = await asyncio.to_thread(api, restarted, "GET", "/api/transactions?charger=CS")
    assert [(s["ocppTransactionId"], s["open"], s["energyWh"]) for s in sessions] == [("keep-1", True, 1500)]
    async with connected201(restarted, "CS") as station:
        await station.transaction_event("Ended", "keep-1", 2, evse=None, energy_wh=4000,
                                        trigger_reason="EVCommunicationLost")
    sessions = await asyncio.to_thread(api, restarted, "GET", "/api/transactions?charger=CS")
    assert [(s["ocppTransactionId"], s["open"], s["energyWh"]) for s in sessions] == [("keep-1", False, 3000)]


async def test_a_session_started_without_a_meter_reading_counts_from_its_first(ampwise):
    server = ampwise()
    async with connected201(server, "CS6") as station:
        await station.boot()
        await station.status("Occupied")
        await station.transaction_event("Started", "no-meter", 0, charging_state="Charging", id_token="ampwise",
                                        trigger_reason="Authorized")
        # The meter's register counts for its whole life: 2,000 kWh before this session.
        await station.transaction_event("Updated", "no-meter", 1, evse=None, energy_wh=2_000_000,
                                        trigger_reason="MeterValuePeriodic")
        await station.transaction_event("Ended", "no-meter", 2, evse=None, energy_wh=2_001_500,
                                        trigger_reason="EVCommunicationLost")
    sessions = await asyncio.to_thread(api, server, "GET", "/api/transactions?charger=CS6")
    assert [(s["open"], s["meterStart"], s["energyWh"]) for s in sessions] == [(False, None, 1500)]


# --- the API's other commands ----------------------------------------------------------------

async def test_reset_unlock_trigger_and_configuration_send_201_messages(ampwise):
    server = ampwise()
    async with connected201(server, "CS4") as station:
        await station.boot()
        assert await asyncio.to_thread(api, server, "POST", "/api/chargers/CS4/reset", {"type": "OnIdle"}) \
            == {"status": "Accepted"}
        assert (await station.wait_for("Reset"))["type"] == "OnIdle"
        assert await asyncio.to_thread(api, server, "POST", "/api/chargers/CS4/unlock", {"connector": 1}) \
            == {"status": "Unlocked"}
        assert await station.wait_for("UnlockConnector") == {"evseId": 1, "connectorId": 1}
        assert await asyncio.to_thread(api, server, "POST", "/api/chargers/CS4/trigger",
                                       {"message": "TransactionEvent", "connector": 1}) == {"status": "Accepted"}
        trigger = await station.wait_for("TriggerMessage", predicate=lambda p: p["requestedMessage"] == "TransactionEvent")
        assert trigger["evse"] == {"id": 1}
        changed = await asyncio.to_thread(api, server, "POST", "/api/chargers/CS4/configuration",
                                          {"key": "OCPPCommCtrlr.MessageTimeout", "value": 45})
        assert changed == {"status": "Accepted"}
        assert station.variables[("OCPPCommCtrlr", "MessageTimeout")] == "45"
        read = await asyncio.to_thread(
            api, server, "GET", "/api/chargers/CS4/configuration?key=OCPPCommCtrlr.MessageTimeout&key=OCPPCommCtrlr.Nope")
        assert read == {"configurationKey": [{"key": "OCPPCommCtrlr.MessageTimeout", "value": "45"}],
                        "unknownKey": ["OCPPCommCtrlr.Nope"]}
        status, body = await asyncio.to_thread(api_error, server, "POST", "/api/chargers/CS4/reset", {"type": "Later"})
        assert status == 400 and body["error"].startswith("type:")
        status, body = await asyncio.to_thread(api_error, server, "POST", "/api/chargers/CS4/configuration",
                                               {"key": "NoDot", "value": "1"})
        assert status == 400 and body["error"].startswith("key:")
        recorded = await until(lambda: _when(asyncio.to_thread(api, server, "GET", "/api/commands?charger=CS4"),
                                             lambda r: {"Reset", "UnlockConnector"} <= {c["action"] for c in r}))
        assert {c["source"] for c in recorded if c["action"] in ("Reset", "UnlockConnector")} == {"api"}


# A 2.0.1 password is a passwordString: a-z A-Z 0-9 and *-_=:+|@. only (OCPP 2.0.1 Part 2 §2.1.4).
NEW_PASSWORD = "Rotated-password.26:@|"


async def test_a_201_station_takes_a_rotated_password_and_the_old_one_is_refused_after(ampwise):
    from test_core import basic
    from test_security import PASSWORD, refused_status
    server = ampwise(chargers={"CS5": {"password": PASSWORD}})
    async with connected201(server, "CS5", headers=basic("CS5", PASSWORD)) as station:
        await station.boot()
        # A character the station would refuse is refused first, and nothing is sent.
        with pytest.raises(urllib.error.HTTPError) as refused:
            await asyncio.to_thread(api, server, "POST", "/api/chargers/CS5/password", {"password": NEW_PASSWORD + "!"})
        assert refused.value.code == 400
        assert "passwordString" in json.loads(refused.value.read())["error"]
        answer = await asyncio.to_thread(api, server, "POST", "/api/chargers/CS5/password", {"password": NEW_PASSWORD})
        assert answer == {"status": "Accepted"}
        change = await station.wait_for("SetVariables", predicate=lambda p: any(
            d["variable"]["name"] == "BasicAuthPassword" for d in p["setVariableData"]))
        assert [(d["component"]["name"], d["attribute_value"]) for d in change["setVariableData"]] \
            == [("SecurityCtrlr", NEW_PASSWORD)]
    # Until the station has used the new password, the old one still gets in.
    async with connected201(server, "CS5", headers=basic("CS5", PASSWORD)) as station:
        assert (await station.boot()).status == "Accepted"
    async with connected201(server, "CS5", headers=basic("CS5", NEW_PASSWORD)) as station:
        assert (await station.boot()).status == "Accepted"
    assert await refused_status(server.url("CS5"), additional_headers=basic("CS5", PASSWORD)) == 401
    server.stop()
    assert NEW_PASSWORD not in "\n".join(server.lines)


async def test_a_201_station_that_rejects_the_password_keeps_its_old_one(ampwise):
    from test_core import basic
    from test_security import PASSWORD, refused_status
    server = ampwise(chargers={"CS7": {"password": PASSWORD}})
    async with connected201(server, "CS7", headers=basic("CS7", PASSWORD)) as station:
        await station.boot()
        station.rejected_variables.add(("SecurityCtrlr", "BasicAuthPassword"))
        answer = await asyncio.to_thread(api, server, "POST", "/api/chargers/CS7/call", {
            "action": "SetVariables", "payload": {"setVariableData": [{
                "attributeValue": NEW_PASSWORD, "component": {"name": "SecurityCtrlr"},
                "variable": {"name": "BasicAuthPassword"}}]}})
        assert answer == {"status": "Rejected"}
    assert await refused_status(server.url("CS7"), additional_headers=basic("CS7", NEW_PASSWORD)) == 401
