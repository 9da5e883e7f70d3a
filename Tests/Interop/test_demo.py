"""Issue 14 item 3: `ampwise demo`, the real binary as a newcomer runs it.

Within 90 s its simulated chargers are connected over WebSocket, their sessions started and the
profiles Ampwise sends accepted, the garage pauses and then follows the (fast) sun; SIGINT stops
it cleanly and removes its temporary folder. Where Chromium is installed, the dashboard of the
running demo is photographed for the README (Tests/Interop/screenshots/dashboard-demo.png).
"""

import asyncio
import glob
import json
import os
import queue
import signal
import subprocess
import tempfile
import threading
import time

from conftest import AMPWISE_BIN, free_port
from test_events_history import EventStream

DEADLINE = 90


class Demo:
    def __init__(self, chargers: int):
        self.port = free_port()
        self.process = subprocess.Popen(
            [AMPWISE_BIN, "demo", "--chargers", str(chargers), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        self.lines: "queue.Queue[str | None]" = queue.Queue()
        self.errors: list[str] = []
        threading.Thread(target=self._read, args=(self.process.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()

    @staticmethod
    def _read(stream, lines):
        for line in stream:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    def _drain(self):
        for line in self.process.stderr:
            self.errors.append(line.rstrip("\n"))

    def wait_for_url(self, timeout=30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, "the demo exited: " + "\n".join(self.errors[-20:])
            if "http://" in line:
                return line[line.index("http://"):].strip()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=20)


def test_the_demo_connects_chargers_starts_sessions_and_stops_cleanly():
    demo = Demo(chargers=3)
    try:
        url = demo.wait_for_url()
        assert url == f"http://127.0.0.1:{demo.port}/"

        class Server:
            api_port = demo.port

        # The stream from the start: every charger object, then every command as it is answered.
        stream = EventStream(Server)
        try:
            deadline = time.monotonic() + DEADLINE
            connected, started, accepted, paused, following = set(), set(), set(), False, False
            while not (len(connected) == 3 and started and accepted and paused and following):
                remaining = deadline - time.monotonic()
                assert remaining > 0, (
                    f"after {DEADLINE} s: connected {connected}, sessions {started}, accepted profiles {accepted}, "
                    f"garage paused {paused}, following the sun {following}; log: {demo.errors[-10:]}")
                try:
                    event = stream.events.get(timeout=remaining)
                except queue.Empty:
                    continue
                data = json.loads(event["data"])
                if event.get("event") == "charger":
                    if data["connected"]:
                        connected.add(data["id"])
                    for connector in data["connectors"]:
                        if connector.get("transaction"):
                            started.add(data["id"])
                elif event.get("event") == "command":
                    if data["action"] == "SetChargingProfile" and data["outcome"] == "Accepted":
                        accepted.add(data["charger"])
                elif event.get("event") == "decision" and data["charger"] == "garage":
                    paused = paused or data["charging"] is False
                    following = following or "solar: follow surplus" in data["rules"].get("charging", [])
        finally:
            stream.close()

        take_screenshot(url)
    finally:
        status = demo.stop()
    assert status == 0, "\n".join(demo.errors[-20:])
    leftovers = glob.glob(os.path.join(tempfile.gettempdir(), f"ampwise-demo-{demo.process.pid}-*"))
    assert leftovers == [], "the demo removes its temporary folder"


def take_screenshot(url: str) -> None:
    """The dashboard of the running demo at desktop and phone size (skipped without Chromium)."""
    try:
        import test_dashboard_browser as browser_tests
    except BaseException:  # the module skips itself where Chromium is missing
        return
    from selenium.webdriver.common.by import By

    for size, name in ((browser_tests.DESKTOP, "dashboard-demo"), (browser_tests.PHONE, "dashboard-demo-phone")):
        with browser_tests.browser(size) as driver:
            driver.get(url)
            browser_tests.wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chargers .card")) == 3)
            # The garage is the one that follows the sun.
            driver.find_element(By.CSS_SELECTOR, "button[data-select=garage]").click()
            browser_tests.wait(driver, lambda d: "garage" in d.find_element(By.ID, "detail-title").text)
            browser_tests.wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart svg path"))
            browser_tests.wait(driver, lambda d: "Decided" in d.find_element(By.ID, "panel-timeline").text)
            assert browser_tests.console_errors(driver) == []
            browser_tests.screenshot(driver, name)
