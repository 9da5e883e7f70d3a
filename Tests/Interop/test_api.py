"""Issue 3 item 7: the HTTP API, end to end through `ampwise serve`.

Every manual command goes from the API to the Python charger (`PythonCharger` records the
CALLs it receives) and the charger's answer comes back through the API. The HTTP calls run in
a thread so that the charger's event loop keeps answering meanwhile.

Tests decorated `needs_management` depend on charge point management (the charger directory,
transactions) and `needs_engine` on the scheduling engine (limit overrides); they pass once
those are wired into `ampwise serve` and fail before.
"""

import asyncio
import json
import urllib.error
import urllib.request

from ocpp.routing import on
from ocpp.v16 import call, call_result
from ocpp.v16.enums import Action, ResetStatus

from charger import PythonCharger, connected, now as timestamp



def needs_management(test):
    """Documents that `test` needs charge point management wired into `ampwise serve`."""
    return test


def needs_engine(test):
    """Documents that `test` needs the scheduling engine wired into `ampwise serve`."""
    return test


def http(server, method: str, path: str, body=None, token: str | None = None, raw: bytes | None = None):
    """One request to the API; returns (status, parsed JSON or text, headers)."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(f"http://127.0.0.1:{server.api_port}{path}", data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, text, headers = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        status, text, headers = error.code, error.read().decode(), error.headers
    if headers.get("Content-Type", "").startswith("application/json"):
        return status, json.loads(text), headers
    return status, text, headers


async def api(server, method: str, path: str, body=None, **kwargs):
    status, answer, _ = await asyncio.to_thread(http, server, method, path, body, **kwargs)
    return status, answer


class SlowCharger(PythonCharger):
    """Takes longer to answer Reset than the central system waits."""

    @on(Action.reset)
    async def on_reset(self, type, **_):
        self.record("Reset", {"type": type})
        await asyncio.sleep(3)
        return call_result.Reset(status=ResetStatus.accepted)


# MARK: health, chargers, token


async def test_health_answers_ok_and_the_version(ampwise):
    server = ampwise()
    status, answer = await api(server, "GET", "/api/health")
    assert status == 200
    assert answer["status"] == "ok"
    assert answer["version"]


async def test_a_connected_charger_is_listed_and_shown(ampwise):
    server = ampwise()
    async with connected(server, "CP-LIST") as charger:
        await charger.boot()
        status, chargers = await api(server, "GET", "/api/chargers")
        assert status == 200
        assert [c["id"] for c in chargers if c["connected"]] == ["CP-LIST"]
        status, one = await api(server, "GET", "/api/chargers/CP-LIST")
        assert status == 200
        assert one["id"] == "CP-LIST" and one["connected"] is True
        assert set(one) >= {"vendor", "model", "serialNumber", "firmwareVersion", "features", "lastHeartbeat",
                            "latencyMs", "reconnects", "status", "errorCode", "connectors"}


@needs_management
async def test_the_charger_object_shows_the_boot_details(ampwise):
    server = ampwise()
    async with connected(server, "CP-BOOT") as charger:
        await charger.boot()
        status, one = await api(server, "GET", "/api/chargers/CP-BOOT")
        assert status == 200
        assert (one["vendor"], one["model"], one["serialNumber"], one["firmwareVersion"]) == \
            ("PyVendor", "PyModel", "SN-1", "1.2.3")


async def test_an_unknown_charger_is_404(ampwise):
    server = ampwise()
    status, answer = await api(server, "GET", "/api/chargers/nobody")
    assert (status, answer) == (404, {"error": 'unknown charger "nobody"'})
    status, answer = await api(server, "POST", "/api/chargers/nobody/reset", {"type": "Soft"})
    assert status == 404


async def test_with_a_token_every_request_needs_it(ampwise):
    server = ampwise(api={"token": "s3cret"})
    status, answer = await api(server, "GET", "/api/health")
    assert (status, answer) == (401, {"error": "missing or wrong bearer token"})
    status, _ = await api(server, "GET", "/api/chargers", token="wrong")
    assert status == 401
    status, answer = await api(server, "GET", "/api/health", token="s3cret")
    assert status == 200 and answer["status"] == "ok"


async def test_unknown_routes_are_404_and_wrong_methods_405(ampwise):
    server = ampwise()
    status, answer = await api(server, "GET", "/api/nothing")
    assert (status, answer) == (404, {"error": "no such endpoint: GET /api/nothing"})
    status, answer, headers = await asyncio.to_thread(http, server, "DELETE", "/api/health")
    assert status == 405 and headers["Allow"] == "GET"


# MARK: manual commands reach the charger, its answer comes back


async def test_start_sends_remote_start_and_answers_the_chargers_status(ampwise):
    server = ampwise()
    async with connected(server, "CP-START") as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/CP-START/start", {"connector": 1, "idTag": "tag1"})
        assert (status, answer) == (200, {"status": "Accepted"})
        assert await charger.wait_for("RemoteStartTransaction") == {"idTag": "tag1", "connectorId": 1}


async def test_start_without_an_id_tag_uses_the_chargers_own(ampwise):
    server = ampwise(chargers={"CP-TAG": {"idTag": "garage-tag"}})
    async with connected(server, "CP-TAG") as charger:
        await charger.boot()
        status, _ = await api(server, "POST", "/api/chargers/CP-TAG/start", {"connector": 1})
        assert status == 200
        assert (await charger.wait_for("RemoteStartTransaction"))["idTag"] == "garage-tag"


@needs_management
async def test_stop_sends_remote_stop_of_the_open_transaction(ampwise):
    server = ampwise()
    async with connected(server, "CP-STOP") as charger:
        await charger.boot()
        started = await charger.call(call.StartTransaction(connector_id=1, id_tag="tag1", meter_start=100,
                                                           timestamp="2026-11-25T08:00:00Z"))
        status, answer = await api(server, "POST", "/api/chargers/CP-STOP/stop", {"connector": 1})
        assert (status, answer) == (200, {"status": "Accepted"})
        assert await charger.wait_for("RemoteStopTransaction") == {"transactionId": started.transaction_id}


async def test_stop_without_an_open_transaction_is_409(ampwise):
    server = ampwise()
    async with connected(server, "CP-NOTX") as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/CP-NOTX/stop", {"connector": 1})
        assert (status, answer) == (409, {"error": 'connector 1 of charger "CP-NOTX" has no open transaction'})
        assert charger.calls("RemoteStopTransaction") == []


async def test_availability_reset_unlock_and_trigger_reach_the_charger(ampwise):
    server = ampwise()
    async with connected(server, "CP-CMD") as charger:
        await charger.boot()
        base = "/api/chargers/CP-CMD"
        assert await api(server, "POST", f"{base}/availability", {"connector": 0, "available": False}) == \
            (200, {"status": "Accepted"})
        assert await charger.wait_for("ChangeAvailability") == {"connectorId": 0, "type": "Inoperative"}
        assert await api(server, "POST", f"{base}/reset", {"type": "Soft"}) == (200, {"status": "Accepted"})
        assert await charger.wait_for("Reset") == {"type": "Soft"}
        assert await api(server, "POST", f"{base}/unlock", {"connector": 1}) == (200, {"status": "Unlocked"})
        assert await charger.wait_for("UnlockConnector") == {"connectorId": 1}
        assert await api(server, "POST", f"{base}/trigger", {"message": "Heartbeat", "connector": 1}) == \
            (200, {"status": "Accepted"})
        assert await charger.wait_for("TriggerMessage", predicate=lambda p: p["requestedMessage"] == "Heartbeat") \
            == {"requestedMessage": "Heartbeat", "connectorId": 1}


async def test_configuration_get_and_set_reach_the_charger(ampwise):
    server = ampwise()
    async with connected(server, "CP-CONF") as charger:
        await charger.boot()
        base = "/api/chargers/CP-CONF/configuration"
        status, answer = await api(server, "GET", f"{base}?key=NumberOfConnectors&key=Nope")
        assert status == 200
        assert answer["configurationKey"] == [{"key": "NumberOfConnectors", "readonly": False, "value": "1"}]
        assert answer["unknownKey"] == ["Nope"]
        await charger.wait_for("GetConfiguration", predicate=lambda p: p["key"] == ["NumberOfConnectors", "Nope"])
        status, answer = await api(server, "POST", base, {"key": "HeartbeatInterval", "value": "90"})
        assert (status, answer) == (200, {"status": "Accepted"})
        assert await charger.wait_for("ChangeConfiguration", predicate=lambda p: p["key"] == "HeartbeatInterval") \
            == {"key": "HeartbeatInterval", "value": "90"}
        assert charger.configuration["HeartbeatInterval"] == "90"


async def test_the_generic_call_answers_the_chargers_payload_or_its_callerror(ampwise):
    server = ampwise()
    async with connected(server, "CP-CALL") as charger:
        await charger.boot()
        base = "/api/chargers/CP-CALL/call"
        status, answer = await api(server, "POST", base, {"action": "ClearChargingProfile", "payload": {"id": 5}})
        assert (status, answer) == (200, {"status": "Accepted"})
        assert (await charger.wait_for("ClearChargingProfile"))["id"] == 5
        # The Python charger has no DataTransfer handler: it answers with a CALLERROR.
        status, answer = await api(server, "POST", base, {"action": "DataTransfer", "payload": {"vendorId": "x"}})
        assert status == 502
        assert answer["code"] in ("NotImplemented", "NotSupported")
        status, answer = await api(server, "POST", base, {"action": "GetCompositeSchedule",
                                                          "payload": {"connectorId": 1}})
        assert (status, answer) == (400, {"error": "payload.duration: required property is missing"})


async def test_a_charger_that_does_not_answer_is_504(ampwise):
    server = ampwise(central={"callTimeout": 1})
    async with connected(server, "CP-SLOW", cls=SlowCharger) as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/CP-SLOW/reset", {"type": "Hard"})
        assert (status, answer) == (504, {"error": 'charger "CP-SLOW" did not answer in time'})


async def test_bad_command_bodies_are_400_naming_the_field(ampwise):
    server = ampwise()
    async with connected(server, "CP-BAD") as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/CP-BAD/start", {"connector": 0})
        assert (status, answer) == (400, {"error": "connector: expected an integer from 1 to 1000"})
        status, answer = await api(server, "POST", "/api/chargers/CP-BAD/reset", {"type": "Medium"})
        assert (status, answer) == (400, {"error": 'type: expected "Soft" or "Hard"'})
        assert charger.calls("Reset") == [] and charger.calls("RemoteStartTransaction") == []


@needs_management
async def test_a_disconnected_charger_is_409(ampwise):
    server = ampwise()
    async with connected(server, "CP-GONE") as charger:
        await charger.boot()
    status, answer = await api(server, "POST", "/api/chargers/CP-GONE/reset", {"type": "Soft"})
    assert (status, answer) == (409, {"error": 'charger "CP-GONE" is not connected'})


@needs_engine
async def test_limit_sends_a_charging_profile_and_delete_ends_the_override(ampwise):
    server = ampwise()
    async with connected(server, "CP-LIM") as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/CP-LIM/limit",
                                   {"connector": 1, "amps": 10, "minutes": 30})
        assert status == 200 and answer["status"] == "Accepted"

        def limited_to_10(payload):
            # The ocpp package hands nested objects to the handler with snake_case keys.
            profile = payload["csChargingProfiles"]
            periods = profile["charging_schedule"]["charging_schedule_period"]
            return payload["connectorId"] in (0, 1) and periods[0]["limit"] == 10

        await charger.wait_for("SetChargingProfile", predicate=limited_to_10)
        status, answer = await api(server, "DELETE", "/api/chargers/CP-LIM/limit?connector=1")
        assert (status, answer) == (200, {"status": "Accepted", "connector": 1})


# MARK: the audit trail and metrics


async def test_manual_commands_are_recorded_with_their_outcome(ampwise):
    server = ampwise()
    async with connected(server, "CP-REC") as charger:
        await charger.boot()
        await api(server, "POST", "/api/chargers/CP-REC/reset", {"type": "Soft"})
        status, commands = await api(server, "GET", "/api/commands?charger=CP-REC")
        assert status == 200
        resets = [c for c in commands if c["action"] == "Reset"]
        assert len(resets) == 1
        reset = resets[0]
        assert (reset["source"], reset["outcome"], reset["payload"], reset["response"]) == \
            ("api", "Accepted", {"type": "Soft"}, {"status": "Accepted"})
        assert reset["latencyMs"] >= 0


async def test_metrics_count_chargers_and_messages(ampwise):
    server = ampwise()
    async with connected(server, "CP-MET") as charger:
        await charger.boot()
        await api(server, "POST", "/api/chargers/CP-MET/reset", {"type": "Soft"})
        status, text, headers = await asyncio.to_thread(http, server, "GET", "/metrics")
        assert status == 200 and headers["Content-Type"].startswith("text/plain; version=0.0.4")
        samples = dict(line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#"))
        assert samples["ampwise_chargers_connected"] == "1"
        assert int(samples["ampwise_ocpp_messages_received_total"]) >= 2
        assert int(samples["ampwise_ocpp_messages_sent_total"]) >= 2
        assert samples['ampwise_commands_total{source="api",action="Reset",outcome="Accepted"}'] == "1"
        assert "# TYPE ampwise_rule_evaluations_total counter" in text


async def test_metrics_count_the_schedulers_and_the_set_ups_commands_too(ampwise):
    # Issue 9 item 2: every command is counted whatever its source, not only the API's.
    server = ampwise(rules={"cap.rules": 'rule "cap" { limit 10 A }\n'})
    async with connected(server, "CP-COUNT") as charger:
        await charger.boot()
        await charger.wait_for("SetChargingProfile")
        await asyncio.to_thread(server.wait_for_log, "CP-COUNT set-up done")
        deadline = asyncio.get_running_loop().time() + 10
        while True:
            _, text, _ = await asyncio.to_thread(http, server, "GET", "/metrics")
            samples = dict(line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#"))
            scheduled = samples.get('ampwise_commands_total{source="scheduler",action="SetChargingProfile",'
                                    'outcome="Accepted"}')
            if scheduled is not None or asyncio.get_running_loop().time() > deadline:
                break
            await asyncio.sleep(0.1)
        assert scheduled == "1", text
        assert samples['ampwise_commands_total{source="setup",action="GetConfiguration",outcome="Answered"}'] == "1"
        assert samples['ampwise_commands_total{source="setup",action="TriggerMessage",outcome="Accepted"}'] == "1"


async def test_an_api_open_to_the_network_without_a_token_warns_loudly(ampwise):
    server = ampwise(api={"host": "0.0.0.0"})
    line = server.wait_for_log("THE HTTP API IS OPEN TO THE NETWORK")
    assert "WARNING" in line and "api.token" in line
    status, _ = await api(server, "GET", "/api/health")
    assert status == 200


async def test_a_loopback_api_without_a_token_does_not_warn(ampwise):
    server = ampwise()
    await api(server, "GET", "/api/health")
    assert not [line for line in server.lines if "OPEN TO THE NETWORK" in line]


# MARK: a whole session, seen through the API


async def test_a_whole_session_is_visible_through_the_api(ampwise):
    """Issue 3: boot, set-up, Preparing, Authorize, StartTransaction, MeterValues and
    StopTransaction, each checked in what the API shows."""
    server = ampwise()
    async with connected(server, "CP-API-SESSION") as charger:
        await charger.boot()
        await asyncio.to_thread(server.wait_for_log, "CP-API-SESSION set-up done")
        status, shown = await api(server, "GET", "/api/chargers/CP-API-SESSION")
        assert status == 200
        assert (shown["vendor"], shown["model"], shown["firmwareVersion"]) == ("PyVendor", "PyModel", "1.2.3")
        assert "SmartCharging" in shown["features"]

        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
        assert (await charger.call(call.Authorize(id_tag="TAG1"))).id_tag_info == {"status": "Accepted"}
        started = await charger.call(call.StartTransaction(
            connector_id=1, id_tag="TAG1", meter_start=10_000, timestamp=timestamp()))
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
        await charger.call(call.MeterValues(connector_id=1, transaction_id=started.transaction_id, meter_value=[
            {"timestamp": timestamp(), "sampledValue": [
                {"value": "11.5", "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
                {"value": "7.2", "measurand": "Power.Active.Import", "unit": "kW"},
            ]}]))

        _, shown = await api(server, "GET", "/api/chargers/CP-API-SESSION")
        connector = next(c for c in shown["connectors"] if c["id"] == 1)
        assert connector["status"] == "Charging"
        assert connector["transaction"]["id"] == started.transaction_id
        assert connector["transaction"]["idTag"] == "TAG1"
        assert connector["transaction"]["meterStart"] == 10_000
        assert connector["transaction"]["energyWh"] == 1500
        assert connector["measurands"]["Power.Active.Import"]["value"] == 7200
        assert connector["measurands"]["Power.Active.Import"]["unit"] == "W"

        await charger.call(call.StopTransaction(
            meter_stop=12_500, timestamp=timestamp(), transaction_id=started.transaction_id, reason="EVDisconnected"))
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Available"))

        _, shown = await api(server, "GET", "/api/chargers/CP-API-SESSION")
        connector = next(c for c in shown["connectors"] if c["id"] == 1)
        assert connector["transaction"] is None
        assert connector["lastStopReason"] == "EVDisconnected"
        status, transactions = await api(server, "GET", "/api/transactions?charger=CP-API-SESSION")
        assert status == 200
        assert [(t["id"], t["energyWh"], t["stopReason"]) for t in transactions] == [
            (started.transaction_id, 2500, "EVDisconnected")]
