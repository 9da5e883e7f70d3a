"""Issue 2: the central system core, seen by independent OCPP and WebSocket implementations."""

import asyncio
import base64
import json

import pytest
import websockets
import websockets.exceptions
from ocpp.v16 import call
from ocpp.v16.enums import RegistrationStatus

from charger import connected


async def test_python_charger_boots_and_heartbeats_over_ws(ampwise):
    server = ampwise(central={"heartbeatInterval": 77})
    async with connected(server, "CP-WS") as charger:
        boot = await charger.boot()
        assert boot.status == RegistrationStatus.accepted
        assert boot.interval == 77
        assert boot.current_time.endswith("Z")
        heartbeat = await charger.call(call.Heartbeat())
        assert heartbeat.current_time.endswith("Z")
    server.wait_for_log("CP-WS")


async def test_python_charger_boots_and_heartbeats_over_wss(ampwise):
    server = ampwise(tls=True)
    assert server.url("x").startswith("wss://")
    async with connected(server, "CP-WSS") as charger:
        boot = await charger.boot()
        assert boot.status == RegistrationStatus.accepted
        heartbeat = await charger.call(call.Heartbeat())
        assert heartbeat.current_time


async def test_plain_ws_is_refused_when_tls_is_configured(ampwise):
    server = ampwise(tls=True)
    with pytest.raises(Exception):
        async with websockets.connect(f"ws://127.0.0.1:{server.port}/ocpp/CP1", subprotocols=["ocpp1.6"],
                                      open_timeout=5):
            pass


@pytest.mark.parametrize(
    "offered, expected",
    [(["ocpp1.6"], "ocpp1.6"), (["ocpp2.0.1", "ocpp1.6"], "ocpp1.6"), (None, None)],
)
async def test_subprotocol_negotiation(ampwise, offered, expected):
    server = ampwise()
    async with websockets.connect(server.url("CP-SUB"), subprotocols=offered, open_timeout=5) as connection:
        assert connection.subprotocol == expected
        await connection.send(json.dumps([2, "1", "Heartbeat", {}]))
        reply = json.loads(await asyncio.wait_for(connection.recv(), 5))
        assert reply[0] == 3 and reply[1] == "1"


async def test_only_other_subprotocols_are_refused_with_400(ampwise):
    server = ampwise()
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(server.url("CP-SUB"), subprotocols=["ocpp2.1"], open_timeout=5):
            pass
    assert refused.value.response.status_code == 400


def basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


async def test_basic_auth_accepts_the_right_password(ampwise):
    server = ampwise(chargers={"garage": {"password": "s3cret"}})
    async with connected(server, "garage", headers=basic("garage", "s3cret")) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted


@pytest.mark.parametrize("headers", [None, basic("garage", "wrong"), basic("other", "s3cret")])
async def test_basic_auth_refuses_missing_or_wrong_credentials_with_401(ampwise, headers):
    server = ampwise(chargers={"garage": {"password": "s3cret"}})
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(server.url("garage"), subprotocols=["ocpp1.6"], additional_headers=headers,
                                      open_timeout=5):
            pass
    assert refused.value.response.status_code == 401


async def test_unknown_chargers_are_refused_with_404_when_not_allowed(ampwise):
    server = ampwise(central={"allowUnknownChargers": False}, chargers={"garage": {}})
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(server.url("stranger"), subprotocols=["ocpp1.6"], open_timeout=5):
            pass
    assert refused.value.response.status_code == 404
    async with connected(server, "garage") as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted


async def exchange(connection, frame) -> list:
    await connection.send(frame if isinstance(frame, (str, bytes)) else json.dumps(frame))
    return json.loads(await asyncio.wait_for(connection.recv(), 5))


async def test_malformed_frames_get_the_right_answers_and_the_connection_stays_open(ampwise):
    server = ampwise()
    async with websockets.connect(server.url("CP-RAW"), subprotocols=["ocpp1.6"], open_timeout=5) as raw, \
            connected(server, "CP-GOOD") as good:
        # Invalid JSON: no id can be read, so nothing is answered; the next call still works.
        await raw.send("this is not json")
        reply = await exchange(raw, [2, "after-garbage", "Heartbeat", {}])
        assert reply[:2] == [3, "after-garbage"]

        reply = await exchange(raw, [2, "u1", "FlyToTheMoon", {}])
        assert reply[:3] == [4, "u1", "NotImplemented"]

        reply = await exchange(raw, [2, "u2", "RemoteStartTransaction", {"idTag": "x"}])
        assert reply[:3] == [4, "u2", "NotSupported"]

        reply = await exchange(raw, [2, "u3", "BootNotification", {"chargePointVendor": "V"}])
        assert reply[:3] == [4, "u3", "OccurenceConstraintViolation"]
        assert "chargePointModel" in reply[3]

        reply = await exchange(raw, [2, "u4", "BootNotification", {"chargePointVendor": 5, "chargePointModel": "M"}])
        assert reply[:3] == [4, "u4", "TypeConstraintViolation"]
        assert "chargePointVendor" in reply[3]

        reply = await exchange(raw, [2, "u5", "BootNotification",
                                     {"chargePointVendor": "V" * 21, "chargePointModel": "M"}])
        assert reply[:3] == [4, "u5", "PropertyConstraintViolation"]
        assert "chargePointVendor" in reply[3]

        reply = await exchange(raw, [2, "u6", "Heartbeat", {"surprise": 1}])
        assert reply[0] == 4 and reply[1] == "u6"

        reply = await exchange(raw, [7, "u7", "Heartbeat", {}])
        assert reply[0] == 4 and reply[1] == "u7" and reply[2] in ("FormationViolation", "ProtocolError")

        reply = await exchange(raw, [2, "x" * 37, "Heartbeat", {}])
        assert reply[0] == 4 and reply[2] in ("FormationViolation", "ProtocolError")

        # A valid 64 KiB message passes.
        reply = await exchange(raw, [2, "big", "DataTransfer", {"vendorId": "v", "data": "d" * 65536}])
        assert reply[:2] == [3, "big"]

        # The other charger never noticed.
        assert (await good.boot()).status == RegistrationStatus.accepted


async def test_a_message_over_max_message_bytes_closes_with_1009(ampwise):
    server = ampwise()
    async with websockets.connect(server.url("CP-HUGE"), subprotocols=["ocpp1.6"], max_size=None,
                                  open_timeout=5) as raw, connected(server, "CP-OK") as good:
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            # The server closes with 1009 as soon as the frame's header says it is too long, so
            # under load the close can arrive while the 2 MB send is still going: then the send
            # raises, otherwise the next receive does.
            await raw.send(json.dumps([2, "huge", "DataTransfer", {"vendorId": "v", "data": "d" * (2 << 20)}]))
            await asyncio.wait_for(raw.recv(), 10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
        assert (await good.call(call.Heartbeat())).current_time


async def test_a_binary_message_closes_with_1003(ampwise):
    server = ampwise()
    async with websockets.connect(server.url("CP-BIN"), subprotocols=["ocpp1.6"], open_timeout=5) as raw, \
            connected(server, "CP-OK2") as good:
        await raw.send(b'[2,"b","Heartbeat",{}]')
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await asyncio.wait_for(raw.recv(), 10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1003
        assert (await good.call(call.Heartbeat())).current_time


async def test_a_reconnect_with_the_same_id_replaces_the_old_connection(ampwise):
    server = ampwise()
    async with websockets.connect(server.url("CP-TWICE"), subprotocols=["ocpp1.6"], open_timeout=5) as first:
        async with connected(server, "CP-TWICE") as second:
            assert (await second.boot()).status == RegistrationStatus.accepted
            with pytest.raises(websockets.exceptions.ConnectionClosed):
                await asyncio.wait_for(first.recv(), 10)


async def test_sigterm_shuts_down_cleanly(ampwise):
    server = ampwise()
    async with connected(server, "CP-BYE") as charger:
        await charger.boot()
        assert server.stop() == 0
    server.wait_for_log("stopped")


async def test_sigterm_closes_every_charger_connection_with_1001_going_away(ampwise):
    # Issue 9 item 4: a close frame, and the close handshake's time, before the socket goes.
    server = ampwise()
    async with connected(server, "CP-ONE") as one, connected(server, "CP-TWO") as two:
        await one.boot()
        await two.boot()
        exit_status = asyncio.create_task(asyncio.to_thread(server.stop))
        for charger in (one, two):
            await asyncio.wait_for(charger._connection.wait_closed(), 10)
            assert charger._connection.close_code == 1001, charger.id
            assert charger._connection.close_reason == "server shutting down"
        assert await exit_status == 0
    server.wait_for_log("stopped")

