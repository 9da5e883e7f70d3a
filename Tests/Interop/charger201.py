"""An OCPP 2.0.1 charging station built on the Python `ocpp` package's `ocpp.v201.ChargePoint`."""

import asyncio
import contextlib
from datetime import datetime, timezone

import websockets
from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from ocpp.v201.enums import Action


def now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class PythonStation(ChargePoint):
    """Answers what a well-behaved 2.0.1 station answers, and records every CALL it receives."""

    def __init__(self, charger_id, connection, variables=None, **kwargs):
        super().__init__(charger_id, connection, **kwargs)
        self.received: list[tuple[str, dict]] = []
        self.received_event = asyncio.Event()
        self.variables = variables or {
            ("SmartChargingCtrlr", "RateUnit"): "A,W",
            ("SmartChargingCtrlr", "ProfileStackLevel"): "8",
            ("SmartChargingCtrlr", "PeriodsPerSchedule"): "24",
            ("SampledDataCtrlr", "TxUpdatedMeasurands"): "Energy.Active.Import.Register",
            ("SampledDataCtrlr", "TxUpdatedInterval"): "60",
        }
        # Purposes of SetChargingProfile the station refuses.
        self.rejected_purposes: set[str] = set()

    def record(self, action: str, payload: dict) -> None:
        self.received.append((action, payload))
        self.received_event.set()

    async def wait_for(self, action: str, timeout: float = 10, predicate=lambda payload: True) -> dict:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for name, payload in self.received:
                if name == action and predicate(payload):
                    return payload
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"{self.id} received no {action}; got {[n for n, _ in self.received]}")
            self.received_event.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.received_event.wait(), remaining)

    def calls(self, action: str) -> list[dict]:
        return [payload for name, payload in self.received if name == action]

    @on(Action.get_variables)
    def on_get_variables(self, get_variable_data, **_):
        self.record("GetVariables", {"getVariableData": get_variable_data})
        results = []
        for data in get_variable_data:
            key = (data["component"]["name"], data["variable"]["name"])
            known = key in self.variables
            result = {"attribute_status": "Accepted" if known else "UnknownVariable",
                      "component": data["component"], "variable": data["variable"]}
            if known:
                result["attribute_value"] = self.variables[key]
            results.append(result)
        return call_result.GetVariables(get_variable_result=results)

    @on(Action.set_variables)
    def on_set_variables(self, set_variable_data, **_):
        self.record("SetVariables", {"setVariableData": set_variable_data})
        results = []
        for data in set_variable_data:
            self.variables[(data["component"]["name"], data["variable"]["name"])] = data["attribute_value"]
            results.append({"attribute_status": "Accepted", "component": data["component"],
                            "variable": data["variable"]})
        return call_result.SetVariables(set_variable_result=results)

    @on(Action.get_base_report)
    def on_get_base_report(self, request_id, report_base, **_):
        self.record("GetBaseReport", {"requestId": request_id, "reportBase": report_base})
        return call_result.GetBaseReport(status="Accepted")

    @on(Action.request_start_transaction)
    def on_request_start(self, id_token, remote_start_id, evse_id=None, **_):
        self.record("RequestStartTransaction",
                    {"idToken": id_token, "remoteStartId": remote_start_id, "evseId": evse_id})
        return call_result.RequestStartTransaction(status="Accepted")

    @on(Action.request_stop_transaction)
    def on_request_stop(self, transaction_id, **_):
        self.record("RequestStopTransaction", {"transactionId": transaction_id})
        return call_result.RequestStopTransaction(status="Accepted")

    @on(Action.set_charging_profile)
    def on_set_charging_profile(self, evse_id, charging_profile, **_):
        self.record("SetChargingProfile", {"evseId": evse_id, "chargingProfile": charging_profile})
        purpose = charging_profile["charging_profile_purpose"]
        return call_result.SetChargingProfile(status="Rejected" if purpose in self.rejected_purposes else "Accepted")

    @on(Action.clear_charging_profile)
    def on_clear_charging_profile(self, **kwargs):
        self.record("ClearChargingProfile", kwargs)
        return call_result.ClearChargingProfile(status="Accepted")

    @on(Action.change_availability)
    def on_change_availability(self, operational_status, evse=None, **_):
        self.record("ChangeAvailability", {"operationalStatus": operational_status, "evse": evse})
        return call_result.ChangeAvailability(status="Accepted")

    @on(Action.trigger_message)
    def on_trigger_message(self, requested_message, evse=None, **_):
        self.record("TriggerMessage", {"requestedMessage": requested_message, "evse": evse})
        return call_result.TriggerMessage(status="Accepted")

    async def boot(self) -> call_result.BootNotification:
        return await self.call(call.BootNotification(
            charging_station={"vendor_name": "PyVendor", "model": "Py201", "serial_number": "SN-201",
                              "firmware_version": "2.0.1"},
            reason="PowerUp"))

    async def status(self, status: str, evse: int = 1, connector: int = 1):
        return await self.call(call.StatusNotification(
            timestamp=now(), connector_status=status, evse_id=evse, connector_id=connector))

    async def transaction_event(self, event_type: str, transaction_id: str, seq_no: int, evse: int | None = 1,
                                charging_state: str | None = None, id_token: str | None = None,
                                remote_start_id: int | None = None, energy_wh: float | None = None,
                                trigger_reason: str = "ChargingStateChanged", **extra):
        info = {"transaction_id": transaction_id}
        if charging_state:
            info["charging_state"] = charging_state
        if remote_start_id is not None:
            info["remote_start_id"] = remote_start_id
        meter = None
        if energy_wh is not None:
            meter = [{"timestamp": now(), "sampled_value": [
                {"value": energy_wh, "measurand": "Energy.Active.Import.Register", "unit_of_measure": {"unit": "Wh"}}]}]
        return await self.call(call.TransactionEvent(
            event_type=event_type, timestamp=now(), trigger_reason=trigger_reason, seq_no=seq_no,
            transaction_info=info, evse={"id": evse} if evse is not None else None,
            id_token={"id_token": id_token, "type": "ISO14443"} if id_token else None,
            meter_value=meter, **extra))


@contextlib.asynccontextmanager
async def connected201(server, charger_id: str, cls=PythonStation, **kwargs):
    """Connects a 2.0.1 station to `server`, runs its receive loop, and disconnects on exit."""
    connection = await websockets.connect(
        server.url(charger_id), subprotocols=["ocpp2.0.1"], ssl=server.ssl_context(), open_timeout=10)
    station = cls(charger_id, connection, **kwargs)
    task = asyncio.create_task(station.start())
    try:
        yield station
    finally:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await connection.close()
