"""Issue 12: MQTT both ways and Ampwise as a Home Assistant device, against a real broker
(mosquitto) with `paho-mqtt` as the other client and the Python `ocpp` charger.

docs/mqtt.md has the topics; every test starts its own broker on a free loopback port."""

import asyncio
import json
import signal
from datetime import datetime, timezone

import pytest
from ocpp.v16 import call

from charger import connected, now as timestamp
from mqtt_broker import Broker, Observer
from test_api import api


@pytest.fixture
def broker(tmp_path):
    directory = tmp_path / "broker"
    directory.mkdir()
    running = Broker(directory)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def observe(broker):
    observers: list[Observer] = []

    def make(*subscriptions: str) -> Observer:
        observer = Observer(broker, *subscriptions)
        observers.append(observer)
        return observer

    yield make
    for observer in observers:
        observer.close()


def mqtt_config(broker: Broker, **extra) -> dict:
    return {"broker": broker.url, "clientId": "ampwise-test", **extra}


async def charge(charger, power_kw: str = "7.2", energy_kwh: str = "1.5") -> int:
    await charger.boot()
    await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
    started = await charger.call(call.StartTransaction(connector_id=1, id_tag="ampwise", meter_start=0,
                                                       timestamp=timestamp()))
    await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
    await meter(charger, started.transaction_id, power_kw, energy_kwh)
    return started.transaction_id


async def meter(charger, transaction_id: int, power_kw: str, energy_kwh: str) -> None:
    await charger.call(call.MeterValues(connector_id=1, transaction_id=transaction_id, meter_value=[
        {"timestamp": timestamp(), "sampledValue": [
            {"value": energy_kwh, "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
            {"value": power_kw, "measurand": "Power.Active.Import", "unit": "kW"},
        ]}]))


async def waited(observer: Observer, topic: str, predicate=lambda payload: True, **kwargs):
    return await asyncio.to_thread(observer.wait_for, topic, predicate, **kwargs)


async def recorded(server, charger_id: str, predicate, timeout: float = 10) -> list[dict]:
    """The recorded commands of a charger once `predicate` holds for them (records are committed
    in batches, a moment after the charger has answered)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        status, commands = await api(server, "GET", f"/api/commands?charger={charger_id}")
        assert status == 200
        if predicate(commands):
            return commands
        if loop.time() > deadline:
            raise AssertionError(f"recorded commands never matched: {commands}")
        await asyncio.sleep(0.1)


async def retained_now(broker: Broker, topic: str) -> bytes:
    """What a client that subscribes now gets as the retained message of `topic`."""
    late = Observer(broker, topic)
    try:
        payload, retained = await waited(late, topic)
        assert retained, topic
        return payload
    finally:
        late.close()


async def test_state_topics_are_retained_and_follow_the_charger(ampwise, broker, observe):
    server = ampwise(mqtt=mqtt_config(broker))
    async with connected(server, "CP-MQTT") as charger:
        early = observe("ampwise/#")
        transaction = await charge(charger)
        await waited(early, "ampwise/chargers/CP-MQTT/1/power", lambda p: p == b"7200")
        # A client that subscribes afterwards gets the state from the broker's retained messages.
        late = observe("ampwise/#")
        for topic, expected in [
            ("ampwise/status", b"online"),
            ("ampwise/chargers/CP-MQTT/connected", b"true"),
            ("ampwise/chargers/CP-MQTT/1/status", b"Charging"),
            ("ampwise/chargers/CP-MQTT/1/power", b"7200"),
            ("ampwise/chargers/CP-MQTT/1/energy", b"1500"),
        ]:
            payload, retained = await waited(late, topic, lambda p, e=expected: p == e)
            assert retained, topic
        decision, _ = await waited(late, "ampwise/chargers/CP-MQTT/1/decision")
        json.loads(decision)
        limit, _ = await waited(late, "ampwise/chargers/CP-MQTT/1/limit")
        assert limit == b"none"

        # Changes are published as they happen, only when the value changes.
        mark = len(late.messages)
        await meter(charger, transaction, "3.6", "2.25")
        await waited(late, "ampwise/chargers/CP-MQTT/1/power", lambda p: p == b"3600", after=mark)
        await waited(late, "ampwise/chargers/CP-MQTT/1/energy", lambda p: p == b"2250", after=mark)
        await asyncio.sleep(2.5)  # two refresh periods: nothing changed, so nothing may be sent
        repeated = [t for t, _, _ in late.messages[mark:] if t == "ampwise/chargers/CP-MQTT/1/status"]
        assert repeated == []
    await waited(late, "ampwise/chargers/CP-MQTT/connected", lambda p: p == b"false")


async def test_a_limit_set_over_mqtt_reaches_the_charger_and_is_recorded_as_mqtt(ampwise, broker, observe):
    server = ampwise(mqtt=mqtt_config(broker))
    sender = observe("ampwise/status")
    await waited(sender, "ampwise/status", lambda p: p == b"online")
    async with connected(server, "CP-CMD") as charger:
        await charge(charger)
        await asyncio.to_thread(sender.publish, "ampwise/chargers/CP-CMD/1/limit/set", "10")

        def limited_to_10(payload):
            periods = payload["csChargingProfiles"]["charging_schedule"]["charging_schedule_period"]
            return periods[0]["limit"] == 10

        await charger.wait_for("SetChargingProfile", predicate=limited_to_10)
        await recorded(server, "CP-CMD", lambda commands: any(
            c["action"] == "SetChargingProfile" and c["source"] == "mqtt" for c in commands))

        # start/stop and availability go through their HTTP twins, recorded as mqtt.
        await asyncio.to_thread(sender.publish, "ampwise/chargers/CP-CMD/1/charge/set", "stop")
        await charger.wait_for("RemoteStopTransaction")
        await asyncio.to_thread(sender.publish, "ampwise/chargers/CP-CMD/0/available/set", "false")
        await charger.wait_for("ChangeAvailability", predicate=lambda p: p["type"] == "Inoperative")
        commands = await recorded(server, "CP-CMD", lambda commands: {
            c["action"] for c in commands} >= {"RemoteStopTransaction", "ChangeAvailability"})
        sources = {c["action"]: c["source"] for c in commands if c["action"] in
                   ("RemoteStopTransaction", "ChangeAvailability")}
        assert sources == {"RemoteStopTransaction": "mqtt", "ChangeAvailability": "mqtt"}

        # An input pushed over MQTT is an input like one pushed through the API.
        await asyncio.to_thread(sender.publish, "ampwise/inputs/grid.power/set", "-2300")
        for _ in range(100):
            _, inputs = await api(server, "GET", "/api/inputs")
            if "grid.power" in inputs:
                break
            await asyncio.sleep(0.1)
        assert inputs["grid.power"]["value"] == -2300

        # A bad payload is logged once and ignored.
        for _ in range(3):
            await asyncio.to_thread(sender.publish, "ampwise/chargers/CP-CMD/1/limit/set", "ten")
        await asyncio.to_thread(server.wait_for_log, "ignored ampwise/chargers/CP-CMD/1/limit/set")
        await asyncio.to_thread(sender.publish, "ampwise/inputs/solar.power/set", "1")
        await asyncio.to_thread(server.wait_for_log, "solar.power = 1")
        assert sum("ignored ampwise/chargers/CP-CMD/1/limit/set" in line for line in server.lines) == 1


async def test_home_assistant_discovery_announces_the_device_and_clears_a_deleted_charger(
        ampwise, broker, observe):
    # A config left on the broker by a charger that no longer exists.
    stale = "homeassistant/sensor/ampwise_GONE_1/power/config"
    seeder = observe("homeassistant/#")
    await asyncio.to_thread(seeder.publish, stale, json.dumps({"name": "old"}), True)
    server = ampwise(mqtt=mqtt_config(broker))
    await waited(seeder, stale, lambda p: p == b"")

    async with connected(server, "CP-HA") as charger:
        ha = observe("homeassistant/#")
        await charge(charger)
        configs = {}
        for component, object_id in [("sensor", "power"), ("sensor", "energy"), ("sensor", "current"),
                                     ("sensor", "status"), ("sensor", "limit"), ("switch", "charge"),
                                     ("number", "max_current"), ("button", "reset")]:
            topic = f"homeassistant/{component}/ampwise_CP-HA_1/{object_id}/config"
            await waited(ha, topic, lambda p: p != b"")
            configs[object_id] = json.loads(await retained_now(broker, topic))
        for object_id, config in configs.items():
            assert config["unique_id"] == f"ampwise_CP-HA_1_{object_id}"
            assert config["availability_topic"] == "ampwise/status"
            assert config["device"]["identifiers"] == ["ampwise_CP-HA"]
            assert config["device"]["name"] == "CP-HA"
            assert config["device"]["manufacturer"] == "PyVendor"
            assert config["device"]["model"] == "PyModel"
        assert (configs["power"]["device_class"], configs["power"]["unit_of_measurement"],
                configs["power"]["state_class"]) == ("power", "W", "measurement")
        assert (configs["energy"]["device_class"], configs["energy"]["unit_of_measurement"],
                configs["energy"]["state_class"]) == ("energy", "Wh", "total_increasing")
        assert configs["current"]["unit_of_measurement"] == "A"
        assert configs["power"]["state_topic"] == "ampwise/chargers/CP-HA/1/power"
        assert configs["charge"]["command_topic"] == "ampwise/chargers/CP-HA/1/charge/set"
        assert (configs["max_current"]["min"], configs["max_current"]["max"], configs["max_current"]["step"]) == \
            (0, 16, 1)
        assert configs["max_current"]["command_topic"] == "ampwise/chargers/CP-HA/1/limit/set"

        # Home Assistant restarting announces itself: the configs come again.
        mark = len(ha.messages)
        await asyncio.to_thread(ha.publish, "homeassistant/status", "online")
        await waited(ha, "homeassistant/sensor/ampwise_CP-HA_1/power/config", lambda p: p != b"", after=mark)

        # The reset button goes through the API's reset.
        await asyncio.to_thread(ha.publish, "ampwise/chargers/CP-HA/reset/set", "Soft")
        await charger.wait_for("Reset", predicate=lambda p: p["type"] == "Soft")


async def broker_logged(broker: Broker, predicate, timeout: float = 15) -> list[str]:
    """The broker's log lines once `predicate` holds for them (mosquitto writes its log as it goes)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        lines = broker.log().splitlines()
        if predicate(lines):
            return lines
        if loop.time() > deadline:
            raise AssertionError(f"the broker's log never matched; its end: {lines[-20:]}")
        await asyncio.sleep(0.1)


async def announce(charger) -> None:
    await charger.boot()
    await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Available"))


async def test_once_the_retained_configs_are_in_ampwise_no_longer_receives_its_own_configs(
        ampwise, broker, observe):
    # Ampwise subscribes to every discovery config at start-up to clear those of deleted chargers;
    # kept, the subscription would bring each config it publishes back to it (8 per connector).
    server = ampwise(mqtt=mqtt_config(broker))
    ha = observe("homeassistant/#")
    async with connected(server, "CP-ECHO1") as first:
        await announce(first)
        await waited(ha, "homeassistant/sensor/ampwise_CP-ECHO1_1/power/config", lambda p: p != b"")
        await broker_logged(broker, lambda lines: any("Received UNSUBSCRIBE from ampwise-test" in line
                                                      for line in lines))
    async with connected(server, "CP-ECHO2") as second:
        await announce(second)
        power = "homeassistant/sensor/ampwise_CP-ECHO2_1/power/config"
        await waited(ha, power, lambda p: p != b"")
        # The broker sends a message to every subscriber in one go: once it logged sending the
        # config to the observer, it would have logged sending it to Ampwise too.
        lines = await broker_logged(broker, lambda lines: any(
            f"Sending PUBLISH to observer-{id(ha)} " in line and power in line for line in lines))
        echoed = [line for line in lines if "Sending PUBLISH to ampwise-test " in line and "ampwise_CP-ECHO2_" in line]
        assert echoed == []


async def test_the_last_will_says_offline_when_ampwise_is_killed(ampwise, broker, observe):
    server = ampwise(mqtt=mqtt_config(broker, keepAlive=5))
    watcher = observe("ampwise/status")
    await waited(watcher, "ampwise/status", lambda p: p == b"online")
    mark = len(watcher.messages)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)
    await waited(watcher, "ampwise/status", lambda p: p == b"offline", after=mark)
    assert await retained_now(broker, "ampwise/status") == b"offline"


async def test_a_clean_shutdown_says_offline_too(ampwise, broker, observe):
    server = ampwise(mqtt=mqtt_config(broker))
    watcher = observe("ampwise/status")
    await waited(watcher, "ampwise/status", lambda p: p == b"online")
    mark = len(watcher.messages)
    assert server.stop() == 0
    await waited(watcher, "ampwise/status", lambda p: p == b"offline", after=mark)


async def test_after_a_broker_restart_the_state_is_republished_and_commands_arrive(
        ampwise, broker, observe):
    server = ampwise(mqtt=mqtt_config(broker))
    async with connected(server, "CP-RESTART") as charger:
        await charge(charger)
        first = observe("ampwise/#")
        await waited(first, "ampwise/chargers/CP-RESTART/1/power", lambda p: p == b"7200")
        first.close()
        broker.stop()
        broker.start()  # no persistence: every retained message is gone
        await asyncio.to_thread(server.wait_for_log, "again", 30)
        again = observe("ampwise/#")
        await waited(again, "ampwise/status", lambda p: p == b"online", timeout=30)
        await waited(again, "ampwise/chargers/CP-RESTART/1/power", lambda p: p == b"7200")
        await waited(again, "ampwise/chargers/CP-RESTART/1/status", lambda p: p == b"Charging")
        await asyncio.to_thread(again.publish, "ampwise/chargers/CP-RESTART/1/limit/set", "8")

        def limited_to_8(payload):
            periods = payload["csChargingProfiles"]["charging_schedule"]["charging_schedule_period"]
            return periods[0]["limit"] == 8

        await charger.wait_for("SetChargingProfile", predicate=limited_to_8)


async def test_state_that_changed_while_the_broker_was_away_arrives_once_with_its_latest_value(
        ampwise, broker, observe):
    server = ampwise(mqtt=mqtt_config(broker))
    async with connected(server, "CP-AWAY") as charger:
        transaction = await charge(charger)
        power = "ampwise/chargers/CP-AWAY/1/power"
        first = observe(power)
        await waited(first, power, lambda p: p == b"7200")
        first.close()
        broker.stop()
        # The power changes 20 times over 2 s (the bridge looks once a second) while the broker is away.
        for step in range(1, 21):
            await meter(charger, transaction, f"{step / 10:.1f}", f"{1.5 + step / 100:.2f}")
            await asyncio.sleep(0.1)  # pacing the changes, not waiting for anything
        broker.start()
        # Subscribed before Ampwise is back (its next attempt comes a second or more later).
        again = observe("ampwise/chargers/CP-AWAY/1/#")
        await asyncio.to_thread(server.wait_for_log, "again", 30)
        # The decision is the connector's last state topic: once it is here, so is the power.
        await waited(again, "ampwise/chargers/CP-AWAY/1/decision", timeout=30)
        with again.condition:
            powers = [payload for topic, payload, _ in again.messages if topic == power]
        assert powers == [b"2000"], "one message, the latest, not a stale one from a queue first"


async def refused_start(tmp_path, **config) -> str:
    """Runs `ampwise serve` with a configuration it must refuse; returns what it printed."""
    import subprocess
    from conftest import AMPWISE_BIN, base_config
    path = tmp_path / "ampwise.json"
    path.write_text(json.dumps(base_config(**config)))
    result = await asyncio.to_thread(subprocess.run, [AMPWISE_BIN, "serve", "--config", str(path)],
                                     capture_output=True, text=True, timeout=20, cwd=tmp_path)
    assert result.returncode != 0
    return result.stderr


async def test_a_bad_mqtt_setting_is_named(tmp_path):
    assert "mqtt.broker" in await refused_start(tmp_path, mqtt={"broker": "tcp://127.0.0.1:1883"})


async def test_an_mqtt_source_drives_solar_following(ampwise, broker, observe):
    """SPEC §8: a P1 meter that publishes JSON in kW on p1/power; the source reads `value`, scales
    it to W, and the solar following rule follows it. A payload that cannot be read is a failed
    read; the next good one is the recovery."""
    from test_scheduler import ONE_PHASE, SCHEDULER, api as blocking_api, limit_is, plug_in_and_charge
    from test_sources import source_status, wait_until

    meter = observe("p1/#")
    rules = {"solar.rules": 'rule "solar following" {\n limit -grid.power\n}\n'}
    source = {"type": "mqtt", "inputs": {"grid.power": {"topic": "p1/power", "path": "value", "scale": 1000}}}
    server = ampwise(rules=rules, scheduler=SCHEDULER, chargers={"garage": ONE_PHASE},
                     mqtt=mqtt_config(broker), sources={"p1": source})
    await asyncio.to_thread(server.wait_for_log, "connected to mqtt://")
    await asyncio.to_thread(meter.publish, "p1/power", json.dumps({"value": -2.3}), True)
    inputs = await wait_until(lambda: blocking_api(server, "GET", "/api/inputs").get("grid.power"), what="grid.power")
    assert inputs["value"] == -2300
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
        await asyncio.to_thread(meter.publish, "p1/power", json.dumps({"value": -3.45}))
        await charger.wait_for("SetChargingProfile", predicate=limit_is(15.0))
    status = await asyncio.to_thread(source_status, server, "p1")
    assert status["type"] == "mqtt" and status["state"] == "ok" and status["inputs"] == {"grid.power": -3450}

    await asyncio.to_thread(meter.publish, "p1/power", "not json")
    await wait_until(lambda: source_status(server, "p1")["state"] == "failing", what="failing")
    await asyncio.to_thread(meter.publish, "p1/power", json.dumps({"value": -1}))
    await wait_until(lambda: source_status(server, "p1")["state"] == "ok", what="recovery")


async def test_an_mqtt_source_needs_the_mqtt_section(tmp_path):
    printed = await refused_start(
        tmp_path, sources={"p1": {"type": "mqtt", "inputs": {"grid.power": {"topic": "p1/power"}}}})
    assert "sources.p1.type: an mqtt source reads from the broker of the mqtt section" in printed


async def test_a_201_station_is_published_announced_and_limited_over_mqtt(ampwise, broker, observe):
    from charger201 import connected201
    server = ampwise(mqtt=mqtt_config(broker))
    sender = observe("ampwise/status")
    await waited(sender, "ampwise/status", lambda p: p == b"online")
    async with connected201(server, "CS-MQTT") as station:
        watcher = observe("ampwise/#", "homeassistant/#")
        await station.boot()
        await station.status("Occupied")
        await station.transaction_event("Started", "mq-1", 0, charging_state="Charging", id_token="ampwise",
                                        energy_wh=1000, trigger_reason="Authorized")
        await station.transaction_event("Updated", "mq-1", 1, evse=None, energy_wh=2500,
                                        trigger_reason="MeterValuePeriodic")
        # An EVSE is a connector: the same state topics as a 1.6 charger's.
        await waited(watcher, "ampwise/chargers/CS-MQTT/connected", lambda p: p == b"true")
        await waited(watcher, "ampwise/chargers/CS-MQTT/1/status", lambda p: p == b"Charging")
        await waited(watcher, "ampwise/chargers/CS-MQTT/1/energy", lambda p: p == b"1500")
        topic = "homeassistant/sensor/ampwise_CS-MQTT_1/power/config"
        await waited(watcher, topic, lambda p: p != b"")
        config = json.loads(await retained_now(broker, topic))
        assert config["device"]["identifiers"] == ["ampwise_CS-MQTT"]
        assert (config["device"]["manufacturer"], config["device"]["model"]) == ("PyVendor", "Py201")

        # A limit set over MQTT reaches the station as a 2.0.1 SetChargingProfile on the EVSE.
        await asyncio.to_thread(sender.publish, "ampwise/chargers/CS-MQTT/1/limit/set", "10")

        def limited_to_10(payload):
            schedule = payload["chargingProfile"]["charging_schedule"][0]
            return float(schedule["charging_schedule_period"][0]["limit"]) == 10

        profile = await station.wait_for("SetChargingProfile", predicate=limited_to_10)
        assert profile["evseId"] == 1
        await recorded(server, "CS-MQTT", lambda commands: any(
            c["action"] == "SetChargingProfile" and c["source"] == "mqtt" for c in commands))

        # The reset button's Soft is 2.0.1's OnIdle.
        await asyncio.to_thread(sender.publish, "ampwise/chargers/CS-MQTT/reset/set", "Soft")
        await station.wait_for("Reset", predicate=lambda p: p["type"] == "OnIdle")
