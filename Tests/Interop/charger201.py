"""An OCPP 2.0.1 charging station built on the Python `ocpp` package's `ocpp.v201.ChargePoint`."""

from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from ocpp.v201.enums import Action

from charger import CallRecorder, connected, now


class PythonStation(CallRecorder, ChargePoint):
    """Answers what a well-behaved 2.0.1 station answers, and records every CALL it receives."""

    def __init__(self, charger_id, connection, variables=None, **kwargs):
        super().__init__(charger_id, connection, **kwargs)
        self.variables = variables or {
            ("SmartChargingCtrlr", "RateUnit"): "A,W",
            ("SmartChargingCtrlr", "ProfileStackLevel"): "8",
            ("SmartChargingCtrlr", "PeriodsPerSchedule"): "24",
            ("SampledDataCtrlr", "TxUpdatedMeasurands"): "Energy.Active.Import.Register",
            ("SampledDataCtrlr", "TxUpdatedInterval"): "60",
        }
        # Purposes of SetChargingProfile the station refuses.
        self.rejected_purposes: set[str] = set()
        # Variables whose SetVariables the station refuses, as (component, variable).
        self.rejected_variables: set[tuple[str, str]] = set()

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
            key = (data["component"]["name"], data["variable"]["name"])
            rejected = key in self.rejected_variables
            if not rejected:
                self.variables[key] = data["attribute_value"]
            results.append({"attribute_status": "Rejected" if rejected else "Accepted",
                            "component": data["component"], "variable": data["variable"]})
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

    @on(Action.reset)
    def on_reset(self, type, evse_id=None, **_):
        self.record("Reset", {"type": type, "evseId": evse_id})
        return call_result.Reset(status="Accepted")

    @on(Action.unlock_connector)
    def on_unlock_connector(self, evse_id, connector_id, **_):
        self.record("UnlockConnector", {"evseId": evse_id, "connectorId": connector_id})
        return call_result.UnlockConnector(status="Unlocked")

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


def connected201(server, charger_id: str, cls=PythonStation, **kwargs):
    """Connects a 2.0.1 station to `server` as `charger.connected` connects a 1.6 charger (with its
    `headers=`, `url=` and `ssl=`), runs its receive loop, and disconnects on exit."""
    return connected(server, charger_id, cls=cls, subprotocols=("ocpp2.0.1",), **kwargs)
