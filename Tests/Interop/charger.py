"""A charger built on the Python `ocpp` package's ChargePoint, connected with `websockets`."""

import asyncio
import contextlib
from datetime import datetime, timezone

import websockets
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import (
    Action,
    AvailabilityStatus,
    ChargingProfileStatus,
    ClearChargingProfileStatus,
    ConfigurationStatus,
    RegistrationStatus,
    RemoteStartStopStatus,
    ResetStatus,
    TriggerMessageStatus,
    UnlockStatus,
)


def now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class CallRecorder:
    """Records every CALL a test charger receives (1.6 or 2.0.1) and lets a test wait for one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.received: list[tuple[str, dict]] = []
        self.received_event = asyncio.Event()

    def record(self, action: str, payload: dict) -> None:
        self.received.append((action, payload))
        self.received_event.set()

    async def wait_for(self, action: str, timeout: float = 10, predicate=lambda payload: True) -> dict:
        """Waits until a CALL of `action` matching `predicate` has arrived; returns its payload."""
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


class PythonCharger(CallRecorder, ChargePoint):
    """Answers what a well-behaved charger answers, and records every CALL it receives."""

    def __init__(self, charger_id, connection, configuration=None, **kwargs):
        super().__init__(charger_id, connection, **kwargs)
        self.configuration = configuration or {
            "SupportedFeatureProfiles": "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger",
            "NumberOfConnectors": "1",
            "ChargingScheduleAllowedChargingRateUnit": "Current",
            "ChargeProfileMaxStackLevel": "8",
            "MeterValuesSampledData": "Energy.Active.Import.Register",
            "MeterValueSampleInterval": "60",
        }
        self.rejected_keys: set[str] = set()

    @on(Action.get_configuration)
    def on_get_configuration(self, key=None, **_):
        self.record("GetConfiguration", {"key": key})
        wanted = key or list(self.configuration)
        known = [k for k in wanted if k in self.configuration]
        unknown = [k for k in wanted if k not in self.configuration]
        return call_result.GetConfiguration(
            configuration_key=[{"key": k, "readonly": False, "value": self.configuration[k]} for k in known],
            unknown_key=unknown or None,
        )

    @on(Action.change_configuration)
    def on_change_configuration(self, key, value, **_):
        self.record("ChangeConfiguration", {"key": key, "value": value})
        if key in self.rejected_keys:
            return call_result.ChangeConfiguration(status=ConfigurationStatus.rejected)
        self.configuration[key] = value
        return call_result.ChangeConfiguration(status=ConfigurationStatus.accepted)

    @on(Action.trigger_message)
    def on_trigger_message(self, requested_message, connector_id=None, **_):
        self.record("TriggerMessage", {"requestedMessage": requested_message, "connectorId": connector_id})
        return call_result.TriggerMessage(status=TriggerMessageStatus.accepted)

    @on(Action.set_charging_profile)
    def on_set_charging_profile(self, connector_id, cs_charging_profiles, **_):
        self.record("SetChargingProfile", {"connectorId": connector_id, "csChargingProfiles": cs_charging_profiles})
        return call_result.SetChargingProfile(status=ChargingProfileStatus.accepted)

    @on(Action.clear_charging_profile)
    def on_clear_charging_profile(self, **kwargs):
        self.record("ClearChargingProfile", kwargs)
        return call_result.ClearChargingProfile(status=ClearChargingProfileStatus.accepted)

    @on(Action.remote_start_transaction)
    def on_remote_start(self, id_tag, connector_id=None, **kwargs):
        self.record("RemoteStartTransaction", {"idTag": id_tag, "connectorId": connector_id, **kwargs})
        return call_result.RemoteStartTransaction(status=RemoteStartStopStatus.accepted)

    @on(Action.remote_stop_transaction)
    def on_remote_stop(self, transaction_id, **_):
        self.record("RemoteStopTransaction", {"transactionId": transaction_id})
        return call_result.RemoteStopTransaction(status=RemoteStartStopStatus.accepted)

    @on(Action.change_availability)
    def on_change_availability(self, connector_id, type, **_):
        self.record("ChangeAvailability", {"connectorId": connector_id, "type": type})
        return call_result.ChangeAvailability(status=AvailabilityStatus.accepted)

    @on(Action.reset)
    def on_reset(self, type, **_):
        self.record("Reset", {"type": type})
        return call_result.Reset(status=ResetStatus.accepted)

    @on(Action.unlock_connector)
    def on_unlock(self, connector_id, **_):
        self.record("UnlockConnector", {"connectorId": connector_id})
        return call_result.UnlockConnector(status=UnlockStatus.unlocked)

    async def boot(self) -> call_result.BootNotification:
        return await self.call(call.BootNotification(charge_point_vendor="PyVendor", charge_point_model="PyModel",
                                                     charge_point_serial_number="SN-1", firmware_version="1.2.3"))


@contextlib.asynccontextmanager
async def connected(server, charger_id: str, cls=PythonCharger, subprotocols=("ocpp1.6",), **kwargs):
    """Connects a charger to `server` (at `url=`, by default its address for `charger_id`; with
    `ssl=` a TLS context of its own), runs its receive loop, and disconnects on exit."""
    headers = kwargs.pop("headers", None)
    url = kwargs.pop("url", None) or server.url(charger_id)
    context = kwargs.pop("ssl", None) or (server.ssl_context() if url.startswith("wss://") else None)
    connection = await websockets.connect(
        url, subprotocols=list(subprotocols) if subprotocols else None,
        ssl=context, additional_headers=headers, open_timeout=10,
    )
    charger = cls(charger_id, connection, **kwargs)
    task = asyncio.create_task(charger.start())
    try:
        yield charger
    finally:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await connection.close()
