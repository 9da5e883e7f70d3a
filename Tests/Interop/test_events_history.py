"""Issue 14 item 1: the live event stream, the history and the sessions export, end to end
through `ampwise serve` with the Python `ocpp` charger.

The event stream is read with a plain socket in a thread (`EventStream`), as any SSE client
would read it: fields line by line, an event at each blank line.
"""

import asyncio
import http.client as httpclient
import json
import queue
import threading
import time
from datetime import datetime, timedelta, timezone

from ocpp.v16 import call

from charger import connected, now as timestamp
from test_api import api, http


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class EventStream:
    """`GET /api/events` read in a thread; `next(name)` waits for the next event of that name."""

    def __init__(self, server, last_event_id: str | None = None, query: str = "", headers: dict | None = None):
        self.connection = httpclient.HTTPConnection("127.0.0.1", server.api_port, timeout=30)
        all_headers = dict(headers or {})
        if last_event_id:
            all_headers["Last-Event-ID"] = last_event_id
        self.connection.request("GET", "/api/events" + query, headers=all_headers)
        self.response = self.connection.getresponse()
        self.events: "queue.Queue[dict]" = queue.Queue()
        self.comments: list[str] = []
        self.seen: list[dict] = []
        if self.response.status == 200:
            threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        fields: dict = {}
        try:
            while True:
                raw = self.response.fp.readline()
                if not raw:
                    return
                line = raw.decode().rstrip("\n")
                if line == "":
                    if "data" in fields:
                        self.events.put(fields)
                    fields = {}
                elif line.startswith(":"):
                    self.comments.append(line)
                else:
                    name, _, value = line.partition(":")
                    fields[name] = value[1:] if value.startswith(" ") else value
        except (OSError, ValueError):
            return

    def next(self, name: str, timeout: float = 10, predicate=lambda data: True, since: int | None = None) -> dict:
        """With `since` (a length of `seen`), an event already read from then on counts too: events
        that one change causes (an input, the decision it leads to, its command) may arrive in any
        order."""
        if since is not None:
            for event in self.seen[since:]:
                if event.get("event") == name and predicate(json.loads(event["data"])):
                    return event
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {name!r} event; saw {[e.get('event') for e in self.seen]}")
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                continue
            self.seen.append(event)
            if event.get("event") == name and predicate(json.loads(event["data"])):
                return event

    def close(self) -> None:
        self.connection.close()


async def boot_with_connector(charger, status="Available"):
    await charger.boot()
    await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status=status))


async def test_the_stream_starts_with_every_charger_and_follows_its_status(ampwise):
    server = ampwise()
    async with connected(server, "CP-SSE") as charger:
        await boot_with_connector(charger)
        stream = await asyncio.to_thread(EventStream, server)
        try:
            assert stream.response.status == 200
            assert stream.response.getheader("Content-Type").startswith("text/event-stream")
            first = await asyncio.to_thread(stream.next, "charger")
            assert json.loads(first["data"])["id"] == "CP-SSE"

            await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
            changed = await asyncio.to_thread(
                stream.next, "charger",
                predicate=lambda data: any(c["id"] == 1 and c["status"] == "Preparing" for c in data["connectors"]))
            assert changed["id"], "live events carry an id, so that a client can resume"
        finally:
            stream.close()


async def test_decisions_inputs_and_tariff_are_streamed(ampwise):
    server = ampwise(rules={"solar.rules": 'rule "solar" {\n    when solar.power > 1 kW\n    limit 8 A\n}\n'})
    async with connected(server, "CP-SSE-DECIDE") as charger:
        await boot_with_connector(charger, "Charging")
        stream = await asyncio.to_thread(EventStream, server)
        try:
            await asyncio.to_thread(stream.next, "charger")
            mark = len(stream.seen)
            status, _ = await api(server, "PUT", "/api/inputs", {"solar.power": 3000})
            assert status == 200
            # The engine may decide (and its decision reach the stream) before the input's own event.
            inputs = await asyncio.to_thread(stream.next, "input", since=mark)
            assert json.loads(inputs["data"])["solar.power"]["value"] == 3000
            decision = await asyncio.to_thread(
                stream.next, "decision", predicate=lambda data: data["limitAmps"] == 8, since=mark)
            assert json.loads(decision["data"])["charger"] == "CP-SSE-DECIDE"
            command = await asyncio.to_thread(
                stream.next, "command", predicate=lambda data: data["action"] == "SetChargingProfile",
                since=mark)
            assert json.loads(command["data"])["outcome"] == "Accepted"

            start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
            status, _ = await api(server, "PUT", "/api/tariff", [
                {"start": iso(start), "end": iso(start + timedelta(hours=2)), "price": 0.11}])
            assert status == 200
            tariff = await asyncio.to_thread(stream.next, "tariff")
            assert json.loads(tariff["data"])[0]["price"] == 0.11
        finally:
            stream.close()


async def test_a_reconnecting_client_gets_what_it_missed_and_no_snapshot(ampwise):
    server = ampwise()
    async with connected(server, "CP-RESUME") as charger:
        await boot_with_connector(charger)
        watcher = await asyncio.to_thread(EventStream, server)   # keeps the events numbered meanwhile
        client = await asyncio.to_thread(EventStream, server)
        try:
            await asyncio.to_thread(watcher.next, "charger")
            await api(server, "PUT", "/api/inputs", {"grid.power": 100})
            last = (await asyncio.to_thread(client.next, "input"))["id"]
            client.close()

            await api(server, "PUT", "/api/inputs", {"grid.power": 200})
            await asyncio.to_thread(watcher.next, "input", predicate=lambda d: d["grid.power"]["value"] == 200)
            # What the client missed is what the watcher was sent after `last`: the input, and
            # whatever else happened meanwhile (the charger's post-boot set-up may still be
            # changing its object: the stream is not quiet just because the test is).
            sent = [event.get("id") for event in watcher.seen]
            missed_ids = sent[sent.index(last) + 1:]

            resumed = await asyncio.to_thread(EventStream, server, last)
            try:
                missed = await asyncio.to_thread(
                    resumed.next, "input", predicate=lambda d: d["grid.power"]["value"] == 200)
                assert missed["id"] == missed_ids[-1]
                # A snapshot's events carry no id: a resumed stream sends exactly the missed ones.
                assert [event.get("id") for event in resumed.seen] == missed_ids, "a resumed stream sends no snapshot"
            finally:
                resumed.close()

            # An id from another process (or one too old) gets the whole state instead.
            fresh = await asyncio.to_thread(EventStream, server, "zzz-5")
            try:
                snapshot = await asyncio.to_thread(fresh.next, "charger")
                assert json.loads(snapshot["data"])["id"] == "CP-RESUME"
            finally:
                fresh.close()
        finally:
            watcher.close()


async def test_with_a_token_the_page_is_public_and_the_stream_takes_the_token_as_a_query(ampwise):
    server = ampwise(api={"token": "s3cret-token"})
    status, page, headers = await asyncio.to_thread(http, server, "GET", "/")
    assert status == 200 and "<title>Ampwise</title>" in page
    assert headers["ETag"] and headers["Cache-Control"] == "no-cache"

    refused = await asyncio.to_thread(EventStream, server)
    assert refused.response.status == 401
    refused.close()
    stream = await asyncio.to_thread(EventStream, server, None, "?token=s3cret-token")
    try:
        assert stream.response.status == 200
    finally:
        stream.close()
    bearer = await asyncio.to_thread(EventStream, server, None, "", {"Authorization": "Bearer s3cret-token"})
    try:
        assert bearer.response.status == 200
    finally:
        bearer.close()
    await asyncio.to_thread(http, server, "GET", "/api/health", token="s3cret-token")
    assert not any("s3cret-token" in line for line in server.lines), "the token is never logged"


async def test_an_unchanged_page_is_answered_304(ampwise):
    server = ampwise()
    _, _, headers = await asyncio.to_thread(http, server, "GET", "/")

    def revalidate():
        connection = httpclient.HTTPConnection("127.0.0.1", server.api_port, timeout=10)
        connection.request("GET", "/", headers={"If-None-Match": headers["ETag"]})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status

    assert await asyncio.to_thread(revalidate) == 304


async def test_history_downsamples_the_meter_values_with_limit_and_price(ampwise):
    server = ampwise(tariff={"default": 0.25})
    async with connected(server, "CP-HISTORY") as charger:
        await boot_with_connector(charger, "Preparing")
        started = await charger.call(call.StartTransaction(
            connector_id=1, id_tag="TAG1", meter_start=10_000, timestamp=timestamp()))
        base = datetime.now(timezone.utc) - timedelta(minutes=30)
        for minute in range(0, 20):
            moment = base + timedelta(minutes=minute)
            await charger.call(call.MeterValues(connector_id=1, transaction_id=started.transaction_id, meter_value=[
                {"timestamp": iso(moment), "sampledValue": [
                    {"value": str(10_000 + minute * 100), "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
                    {"value": str(6000 if minute < 10 else 3000), "measurand": "Power.Active.Import", "unit": "W"},
                ]}]))
        since = base.replace(second=0, microsecond=0)
        status, history = await api(
            server, "GET",
            f"/api/history?charger=CP-HISTORY&connector=1&since={iso(since)}&until={iso(since + timedelta(minutes=20))}&step=300")
        assert status == 200, history
        assert history["step"] == 300
        assert len(history["points"]) == 4
        powers = [point.get("power") for point in history["points"]]
        assert powers[0] == 6000 and powers[-1] == 3000
        assert all(point["price"] == 0.25 for point in history["points"])
        assert history["points"][-1]["energyWh"] >= 11_500

        await api(server, "PUT", "/api/inputs", {"solar.power": 2500})
        recent = datetime.now(timezone.utc)
        status, history = await api(
            server, "GET",
            f"/api/history?charger=CP-HISTORY&since={iso(recent - timedelta(minutes=5))}&until={iso(recent + timedelta(minutes=1))}&step=60")
        assert status == 200
        assert any(point.get("inputs", {}).get("solar.power") == 2500 for point in history["points"])

        status, error = await api(server, "GET", "/api/history?charger=CP-HISTORY&step=0")
        assert status == 400 and error["error"].startswith("step:")
        status, error = await api(server, "GET", "/api/history?connector=1")
        assert status == 400 and error["error"].startswith("charger:")
        status, _ = await api(server, "GET", "/api/history?charger=NOPE")
        assert status == 404


async def test_sessions_export_as_csv_with_their_cost(ampwise):
    server = ampwise(tariff={"default": 0.25})
    async with connected(server, "CP-CSV") as charger:
        await boot_with_connector(charger, "Preparing")
        started = await charger.call(call.StartTransaction(
            connector_id=1, id_tag="=cmd|evil", meter_start=10_000, timestamp=timestamp()))
        await charger.call(call.StopTransaction(
            meter_stop=14_000, timestamp=timestamp(), transaction_id=started.transaction_id, reason="EVDisconnected"))
        open_one = await charger.call(call.StartTransaction(
            connector_id=1, id_tag="TAG2", meter_start=14_000, timestamp=timestamp()))

        status, text, headers = await asyncio.to_thread(http, server, "GET", "/api/transactions.csv?charger=CP-CSV")
        assert status == 200
        assert headers["Content-Type"].startswith("text/csv")
        lines = text.strip().split("\r\n")
        assert lines[0] == "id,charger,connector,idTag,startedAt,stoppedAt,energyWh,cost,stopReason"
        rows = {line.split(",")[0]: line.split(",") for line in lines[1:]}
        stopped = rows[str(started.transaction_id)]
        assert stopped[1:4] == ["CP-CSV", "1", "'=cmd|evil"], "a formula in an id tag is defused"
        assert stopped[6] == "4000" and stopped[7] == "1" and stopped[8] == "EVDisconnected"
        still_open = rows[str(open_one.transaction_id)]
        assert still_open[5] == "", "an open session has an empty stoppedAt"
