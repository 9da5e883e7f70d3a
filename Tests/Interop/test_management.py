"""Issue 3: charge point management seen by the Python `ocpp` charger, checked in the SQLite file.

Transactions are committed before their CALLRESULT, so they are read at once. Status, meter
values, events and commands are written in batches (within 100 ms), so those reads wait for the
rows with a deadline (`eventually`): the database is another process's, there is nothing to await.
"""

import asyncio
import json
import sqlite3
import time

from ocpp.v16 import call
from ocpp.v16.enums import RegistrationStatus

from charger import PythonCharger, connected, now
from test_api import api


def query(server, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(server.directory / "ampwise.sqlite", timeout=5) as database:
        return database.execute(sql, args).fetchall()


async def eventually(server, sql: str, *args, predicate=lambda rows: bool(rows), timeout: float = 5) -> list[tuple]:
    """The rows of `sql` once `predicate` holds for them."""
    deadline = time.monotonic() + timeout
    while True:
        rows = query(server, sql, *args)
        if predicate(rows):
            return rows
        if time.monotonic() > deadline:
            raise AssertionError(f"{sql} {args}: got {rows}")
        await asyncio.sleep(0.05)


def meter_value(value: str, measurand: str = "Energy.Active.Import.Register", unit: str = "Wh", **extra) -> dict:
    return {"timestamp": now(), "sampledValue": [{"value": value, "measurand": measurand, "unit": unit, **extra}]}


async def test_whole_session_is_answered_and_stored(ampwise):
    server = ampwise(
        central={"meterValueSampleInterval": 30, "measurands": ["Energy.Active.Import.Register", "Power.Active.Import"]},
        idTags={"default": "Invalid", "tags": {"TAG1": "Accepted"}},
    )
    async with connected(server, "CP-SESSION") as charger:
        boot = await charger.boot()
        assert boot.status == RegistrationStatus.accepted
        assert boot.interval == 120

        # The set-up: everything read, the two differing keys changed, the connector asked for.
        assert (await charger.wait_for("GetConfiguration")) == {"key": None}
        await charger.wait_for("TriggerMessage")
        await asyncio.to_thread(server.wait_for_log, "CP-SESSION set-up done")
        assert charger.calls("ChangeConfiguration") == [
            {"key": "MeterValueSampleInterval", "value": "30"},
            {"key": "MeterValuesSampledData", "value": "Energy.Active.Import.Register,Power.Active.Import"},
        ]
        assert charger.calls("TriggerMessage") == [{"requestedMessage": "StatusNotification", "connectorId": 1}]

        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
        assert (await charger.call(call.Authorize(id_tag="TAG1"))).id_tag_info == {"status": "Accepted"}
        assert (await charger.call(call.Authorize(id_tag="STRANGER"))).id_tag_info == {"status": "Invalid"}
        started = await charger.call(
            call.StartTransaction(connector_id=1, id_tag="TAG1", meter_start=10_000, timestamp=now()))
        assert started.id_tag_info == {"status": "Accepted"}
        transaction_id = started.transaction_id
        assert transaction_id > 0
        assert query(server, "SELECT charger_id, connector_id, id_tag, meter_start, stopped_at FROM transactions "
                             "WHERE id = ?", transaction_id) == [("CP-SESSION", 1, "TAG1", 10_000, None)]

        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
        await charger.call(call.MeterValues(connector_id=1, transaction_id=transaction_id, meter_value=[
            {"timestamp": now(), "sampledValue": [
                {"value": "10.75", "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
                {"value": "7.2", "measurand": "Power.Active.Import", "unit": "kW"},
            ]}]))
        stopped = await charger.call(call.StopTransaction(
            meter_stop=12_500, timestamp=now(), transaction_id=transaction_id, reason="EVDisconnected", id_tag="TAG1",
            transaction_data=[meter_value("12500", context="Transaction.End")]))
        assert stopped.id_tag_info == {"status": "Accepted"}
        assert query(server, "SELECT meter_stop, energy_wh, stop_reason, unknown_at_stop FROM transactions "
                             "WHERE id = ?", transaction_id) == [(12_500, 2500.0, "EVDisconnected", 0)]

    charger_row = await eventually(
        server, "SELECT vendor, model, charge_point_serial_number, firmware_version, features, connector_count "
                "FROM chargers WHERE id = 'CP-SESSION'",
        # The set-up's GetConfiguration records the features a moment after the boot.
        predicate=lambda rows: rows and rows[0][0] is not None and json.loads(rows[0][4] or "[]"))
    assert charger_row[0][:4] == ("PyVendor", "PyModel", "SN-1", "1.2.3")
    assert "RemoteTrigger" in json.loads(charger_row[0][4])
    assert charger_row[0][5] == 1
    values = await eventually(
        server, "SELECT measurand, value, unit, context FROM meter_values WHERE transaction_id = ? ORDER BY id",
        transaction_id, predicate=lambda rows: len(rows) == 3)
    assert values == [("Energy.Active.Import.Register", 10_750.0, "Wh", "Sample.Periodic"),
                      ("Power.Active.Import", 7200.0, "W", "Sample.Periodic"),
                      ("Energy.Active.Import.Register", 12_500.0, "Wh", "Transaction.End")]
    statuses = await eventually(
        server, "SELECT status FROM status_history WHERE charger_id = 'CP-SESSION' AND connector_id = 1 ORDER BY id",
        predicate=lambda rows: len(rows) == 2)
    assert statuses == [("Preparing",), ("Charging",)]
    commands = await eventually(
        server, "SELECT action, outcome, source FROM commands WHERE charger_id = 'CP-SESSION' ORDER BY id",
        predicate=lambda rows: len(rows) == 4)
    assert commands == [("GetConfiguration", "Answered", "setup"), ("ChangeConfiguration", "Accepted", "setup"),
                        ("ChangeConfiguration", "Accepted", "setup"), ("TriggerMessage", "Accepted", "setup")]
    assert query(server, "SELECT value FROM charger_configuration WHERE charger_id = 'CP-SESSION' "
                         "AND key = 'MeterValueSampleInterval'") == [("30",)]
    server.wait_for_log(f"transaction {transaction_id} stopped (EVDisconnected), 2500 Wh")


async def test_rejected_measurands_are_narrowed_once_and_never_looped(ampwise):
    server = ampwise(central={"meterValueSampleInterval": 60, "measurands": [
        "Energy.Active.Import.Register", "Power.Active.Import", "Current.Import"]})
    configuration = {
        "SupportedFeatureProfiles": "Core,SmartCharging",
        "NumberOfConnectors": "1",
        "MeterValueSampleInterval": "60",
        "MeterValuesSampledData": "Energy.Active.Import.Register,Power.Active.Import,Temperature",
    }
    async with connected(server, "CP-PICKY", configuration=configuration) as charger:
        charger.rejected_keys.add("MeterValuesSampledData")
        assert (await charger.boot()).status == RegistrationStatus.accepted
        await asyncio.to_thread(server.wait_for_log, "CP-PICKY set-up done")
        assert charger.calls("ChangeConfiguration") == [
            {"key": "MeterValuesSampledData",
             "value": "Energy.Active.Import.Register,Power.Active.Import,Current.Import"},
            {"key": "MeterValuesSampledData", "value": "Energy.Active.Import.Register,Power.Active.Import"},
        ]
        # Nothing more follows: a heartbeat round trip after the set-up finds no further call.
        await charger.call(call.Heartbeat())
        assert len(charger.calls("ChangeConfiguration")) == 2
        assert charger.calls("TriggerMessage") == []
    outcomes = await eventually(
        server, "SELECT outcome FROM commands WHERE charger_id = 'CP-PICKY' AND action = 'ChangeConfiguration' "
                "ORDER BY id", predicate=lambda rows: len(rows) == 2)
    assert outcomes == [("Rejected",), ("Rejected",)]


async def test_transaction_survives_sigkill_and_restart(ampwise):
    server = ampwise()
    async with connected(server, "CP-CRASH") as charger:
        await charger.boot()
        started = await charger.call(
            call.StartTransaction(connector_id=1, id_tag="TAG1", meter_start=1_000_000, timestamp=now()))
        transaction_id = started.transaction_id
        await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
        for reading in ("1000.2", "1000.3", "1000.4"):
            await charger.call(call.MeterValues(connector_id=1, transaction_id=transaction_id,
                                                meter_value=[meter_value(reading, unit="kWh")]))
        # Killed right after the last answer: what was acknowledged must be on disk already.
        server.stop(kill=True)

    assert query(server, "SELECT value FROM meter_values WHERE transaction_id = ? ORDER BY value",
                 transaction_id) == [(1_000_200.0,), (1_000_300.0,), (1_000_400.0,)]
    assert query(server, "SELECT status FROM status_history WHERE charger_id = 'CP-CRASH' AND connector_id = 1") \
        == [("Charging",)]
    restarted = ampwise(reuse=server)
    restarted.wait_for_log("restored 1 chargers and 1 open transactions")
    async with connected(restarted, "CP-CRASH") as charger:
        # A charger that only lost its connection reconnects without booting and carries on.
        stopped = await charger.call(call.StopTransaction(
            meter_stop=1_001_250, timestamp=now(), transaction_id=transaction_id, reason="Local"))
        assert stopped.id_tag_info is None
        assert query(restarted, "SELECT energy_wh, unknown_at_stop, stop_reason FROM transactions WHERE id = ?",
                     transaction_id) == [(1250.0, 0, "Local")]
        again = await charger.call(
            call.StartTransaction(connector_id=1, id_tag="TAG1", meter_start=1_001_250, timestamp=now()))
        assert again.transaction_id > transaction_id
    restarted.wait_for_log(f"transaction {transaction_id} stopped (Local), 1250 Wh")


async def test_a_charger_that_reboots_mid_session_gets_its_forgotten_transaction_closed(ampwise):
    # Issue 9 item 8: the public OCPP test suite left 11 open transactions on one connector.
    server = ampwise()
    async with connected(server, "CP-REBOOT") as charger:
        await charger.boot()
        first = (await charger.call(
            call.StartTransaction(connector_id=1, id_tag="TAG1", meter_start=1000, timestamp=now()))).transaction_id
        await charger.call(call.MeterValues(connector_id=1, transaction_id=first,
                                            meter_value=[meter_value("3500")]))
        # It reboots and forgets: a new session on the same connector, no StopTransaction.
        await charger.boot()
        second = (await charger.call(
            call.StartTransaction(connector_id=1, id_tag="TAG1", meter_start=5000, timestamp=now()))).transaction_id
    assert query(server, "SELECT stop_reason, energy_wh, meter_stop FROM transactions WHERE id = ?", first) == [
        ("Superseded", 2500.0, 3500)]
    assert query(server, "SELECT id FROM transactions WHERE charger_id = 'CP-REBOOT' AND stopped_at IS NULL") == [
        (second,)]
    server.wait_for_log(f"transaction {first} never stopped; closed as Superseded (2500 Wh")

    # The one left open is closed by hand through the API.
    status, closed = await api(server, "POST", f"/api/transactions/{second}/close")
    assert status == 200, closed
    assert (closed["id"], closed["stopReason"], closed["energyWh"], closed["open"]) == (
        second, "ClosedByHand", 0, False)
    status, again = await api(server, "POST", f"/api/transactions/{second}/close")
    assert status == 409 and again["error"] == f"transaction {second} is stopped already (ClosedByHand)"
    status, _ = await api(server, "POST", "/api/transactions/999999/close")
    assert status == 404
