#!/usr/bin/env python3
"""The dashboard's benchmarks (BENCHMARKS.md, "Dashboard"):

  history  GET /api/history for 24 h of one connector, with a month of meter values in the store
  page     the page's first load: bytes transferred and time to interactive, in headless Chromium

    python3 Benchmarks/dashboard.py history [--chargers 10] [--days 30] [--runs 30]
    python3 Benchmarks/dashboard.py page [--runs 10]

Both run the release binary (.build/release/ampwise; build it with `swift build -c release`) on a
temporary folder. `page` needs Chromium, chromium-driver and Selenium (Tests/Interop/.venv has it:
run it with Tests/Interop/.venv/bin/python).
"""

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("AMPWISE_BIN", ROOT / ".build/release/ampwise"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load_average() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class Server:
    def __init__(self, folder: Path, config: dict | None = None):
        self.api_port = free_port()
        self.port = free_port()
        self.folder = folder
        (folder / "rules").mkdir(exist_ok=True)
        base = {"central": {"host": "127.0.0.1", "port": self.port},
                "api": {"host": "127.0.0.1", "port": self.api_port}, "logLevel": "warning"}
        base.update(config or {})
        (folder / "ampwise.json").write_text(json.dumps(base))
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--config", str(self.folder / "ampwise.json"), "--rules",
             str(self.folder / "rules"), "--db", str(self.folder / "ampwise.sqlite")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("/api/health")
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("the server did not start")

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.api_port}{path}", timeout=30) as response:
            return response.read()

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)


def history(arguments):
    with tempfile.TemporaryDirectory() as directory:
        folder = arguments.keep or Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        server = Server(folder)
        filled = folder / "filled-at"
        if filled.exists():
            # --keep of an earlier run: the same month of meter values, queried up to when it was written.
            now = datetime.fromisoformat(filled.read_text().strip())
            print(f"store: the meter values written by an earlier run in {folder}")
            query(arguments, server, now)
            return
        server.start()   # creates and migrates the database
        server.stop()
        now = datetime.now(timezone.utc).replace(microsecond=0)
        start = now - timedelta(days=arguments.days)
        database = sqlite3.connect(folder / "ampwise.sqlite")
        chargers = [f"CP{index:03d}" for index in range(arguments.chargers)]
        for charger in chargers:
            database.execute("INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)", (charger, stamp(start)))
        began = time.monotonic()
        samples = int(arguments.days * 86400 / arguments.interval)
        rows = 0
        for charger in chargers:
            batch = []
            for index in range(samples):
                at = stamp(start + timedelta(seconds=index * arguments.interval))
                power = 7000.0 if (index // 120) % 3 else 0.0
                batch.append((charger, 1, at, "Energy.Active.Import.Register", None, 1e6 + index * 100.0, "Wh"))
                batch.append((charger, 1, at, "Power.Active.Import", None, power, "W"))
                batch.append((charger, 1, at, "Current.Import", None, power / 690, "A"))
            database.executemany(
                "INSERT INTO meter_values (charger_id, connector_id, at, measurand, phase, value, unit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
            rows += len(batch)
        database.commit()
        database.close()
        filled.write_text(now.isoformat())
        print(f"store: {rows:,} meter values ({arguments.chargers} chargers x {arguments.days} days, one sample of "
              f"3 measurands every {arguments.interval} s), written in {time.monotonic() - began:.1f} s")
        query(arguments, server, now)


def query(arguments, server: Server, now: datetime):
    """Times GET /api/history for the 24 h before `now` of CP000's connector 1."""
    server.start()
    print(f"before the requests: {load_average()}")
    try:
        since = stamp(now - timedelta(hours=24))
        path = f"/api/history?charger=CP000&connector=1&since={since}&until={stamp(now)}"
        times, points = [], 0
        for run in range(arguments.runs + 1):
            began = time.perf_counter()
            body = server.get(path + ("&step=300" if run % 2 else ""))
            elapsed = (time.perf_counter() - began) * 1000
            if run:  # the first warms the page cache
                times.append(elapsed)
            points = max(points, len(json.loads(body)["points"]))
        times.sort()
        print(f"GET /api/history, 24 h of one connector (default step 240 s and step 300 s alternately, "
              f"{points} points), {arguments.runs} requests: median {statistics.median(times):.1f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms; {load_average()}")
    finally:
        server.stop()


def page(arguments):
    sys.path.insert(0, str(ROOT / "Tests/Interop"))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with tempfile.TemporaryDirectory() as directory:
        # Two configured chargers that have not connected: the overview, the site panels and the
        # event stream load; a connector's charts load when one is there (not measured here).
        server = Server(Path(directory), {"chargers": {"garage": {}, "carport": {}}})
        server.start()
        print(f"before the runs: {load_average()}")
        try:
            # When the page became usable: both chargers' cards shown and the event stream open
            # ("live"), noted by an observer the browser installs before the page's own script runs,
            # so that the page cannot mark itself early.
            observer = """
                window.ampwiseDocumentAt = performance.now();
                new MutationObserver((_, observer) => {
                  const live = document.getElementById('live');
                  if (live && live.textContent === 'live' && document.querySelectorAll('#chargers .card').length === 2) {
                    window.ampwiseInteractiveAt = performance.now();
                    observer.disconnect();
                  }
                }).observe(document, { childList: true, subtree: true, characterData: true });"""
            options = webdriver.ChromeOptions()
            options.binary_location = "/usr/bin/chromium"
            for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
                options.add_argument(argument)
            results = []
            for _ in range(arguments.runs):
                # A new browser each time: an empty cache, as on a first visit.
                driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
                try:
                    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": observer})
                    driver.get(f"http://127.0.0.1:{server.api_port}/")
                    WebDriverWait(driver, 30).until(
                        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chargers .card")) == 2
                        and d.find_element(By.ID, "live").text == "live")
                    measured = driver.execute_script("""
                        const navigation = performance.getEntriesByType('navigation')[0];
                        const resources = performance.getEntriesByType('resource');
                        return {
                          document: navigation.transferSize, documentBody: navigation.encodedBodySize,
                          api: resources.reduce((sum, r) => sum + r.transferSize, 0), requests: resources.length,
                          domContentLoaded: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd,
                          interactive: window.ampwiseInteractiveAt,
                          firstRequest: Math.min(...resources.map((r) => r.startTime)),
                          responseStart: navigation.responseStart, responseEnd: navigation.responseEnd,
                          documentAt: window.ampwiseDocumentAt,
                        };""")
                    results.append(measured)
                finally:
                    driver.quit()
            def median(key):
                return statistics.median(r[key] for r in results)
            print(f"first load, {arguments.runs} runs, new browser each: document {median('document'):,.0f} B "
                  f"transferred ({median('documentBody'):,.0f} B body), API calls until interactive "
                  f"{median('api'):,.0f} B in {median('requests'):.0f} requests")
            print(f"document: first byte at median {median('responseStart'):.0f} ms, last byte "
                  f"{median('responseEnd'):.0f} ms, the document made (before its first line is read) at "
                  f"{median('documentAt'):.0f} ms after navigation start")
            print(f"DOMContentLoaded median {median('domContentLoaded'):.0f} ms, load {median('load'):.0f} ms, "
                  f"interactive (chargers shown, event stream open) median {median('interactive'):.0f} ms "
                  f"(max {max(r['interactive'] for r in results):.0f} ms) after navigation start; first API request "
                  f"sent at median {median('firstRequest'):.0f} ms; {load_average()}")
        finally:
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("history")
    one.add_argument("--chargers", type=int, default=10)
    one.add_argument("--days", type=int, default=30)
    one.add_argument("--interval", type=int, default=60, help="seconds between samples")
    one.add_argument("--runs", type=int, default=30)
    one.add_argument("--keep", type=Path, help="a folder for the database, kept, and used again by later runs "
                     "(to measure two builds on the same data)")
    two = commands.add_parser("page")
    two.add_argument("--runs", type=int, default=10)
    arguments = parser.parse_args()
    {"history": history, "page": page}[arguments.command](arguments)


if __name__ == "__main__":
    main()
