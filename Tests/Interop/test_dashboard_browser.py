"""Issue 14: the dashboard in a real headless Chromium (Debian's `chromium` and `chromium-driver`,
driven by Selenium; no browser is downloaded), against the real `ampwise serve` and a Python
`ocpp` charger.

Screenshots at desktop and phone size go to Tests/Interop/screenshots/ (git-ignored) for a person
to look at. Without Chromium these tests skip, unless AMPWISE_REQUIRE_BROWSER is set (CI sets it).
"""

import asyncio
import contextlib
import os
import shutil
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from ocpp.v16 import call

from charger import connected, now as timestamp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SCREENSHOTS = Path(__file__).parent / "screenshots"

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("AMPWISE_REQUIRE_BROWSER"):
        raise RuntimeError("the browser tests need Debian's chromium and chromium-driver (see .ci/run)")
    pytest.skip("no chromium/chromedriver: apt-get install chromium chromium-driver", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

DESKTOP = (1280, 900)
PHONE = (390, 844)


@contextlib.contextmanager
def browser(size=DESKTOP, dark=False, zone=None, locale=None):
    """zone and locale: the browser's own time zone (TZ) and language, to show that the page does
    not use them."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", f"--window-size={size[0]},{size[1]}", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    if locale:
        options.add_argument(f"--lang={locale}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Chromium inherits chromedriver's environment, and takes its time zone from TZ.
    environment = dict(os.environ, TZ=zone) if zone else None
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER, env=environment))
    try:
        driver.set_window_size(*size)
        if size[0] < 500:
            # Chromium's headless window has a minimum width; emulate the phone's viewport exactly.
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": True})
        yield driver
    finally:
        driver.quit()


def wait(driver, condition, timeout=15, message=""):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message)


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # The whole page, not just the window: the layout's height as the browser computes it.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": width < 500})
    driver.save_screenshot(str(path))
    return path


def status_badge(driver, charger_id: str) -> str:
    return driver.execute_script(
        "const card = [...document.querySelectorAll('#chargers .card')].find(c => c.querySelector('h3').textContent === arguments[0]);"
        "const badge = card && card.querySelector('[data-testid=status]'); return badge ? badge.textContent : '';",
        charger_id)


async def a_session(charger):
    """Boots, plugs in and starts a session with some meter values, so that the page has figures."""
    await charger.boot()
    await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing"))
    started = await charger.call(call.StartTransaction(
        connector_id=1, id_tag="TAG1", meter_start=10_000, timestamp=timestamp()))
    await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
    await charger.call(call.MeterValues(connector_id=1, transaction_id=started.transaction_id, meter_value=[
        {"timestamp": timestamp(), "sampledValue": [
            {"value": "12400", "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
            {"value": "7200", "measurand": "Power.Active.Import", "unit": "W"},
            {"value": "10.4", "measurand": "Current.Import", "unit": "A"},
        ]}]))
    return started


SOLAR_RULES = {"solar.rules": 'rule "sunny: 10 A" {\n    when solar.power > 1 kW\n    limit 10 A\n}\n'}


async def test_the_page_shows_a_connected_charger_with_no_console_errors_and_follows_it_live(ampwise):
    server = ampwise(rules=SOLAR_RULES, tariff={"default": 0.28})
    async with connected(server, "garage") as charger:
        await a_session(charger)
        from test_api import api
        await api(server, "PUT", "/api/inputs", {"solar.power": 4200, "grid.power": -1800})
        with browser() as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: status_badge(d, "garage") == "Charging",
                                    15, "the charger's card shows Charging")
            await asyncio.to_thread(wait, driver, lambda d: "live" == d.find_element(By.ID, "live").text,
                                    15, "the event stream is open")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart svg"),
                                    15, "the charts are drawn")
            await asyncio.to_thread(wait, driver, lambda d: "sunny: 10 A" in d.find_element(By.ID, "chargers").text,
                                    15, "the decision names its rule")
            driver.execute_script("window.notReloaded = true")

            await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="SuspendedEV"))
            await asyncio.to_thread(wait, driver, lambda d: status_badge(d, "garage") == "SuspendedEV",
                                    15, "the status changes on the page without a reload")
            assert driver.execute_script("return window.notReloaded") is True
            await charger.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
            await asyncio.to_thread(wait, driver, lambda d: status_badge(d, "garage") == "Charging")
            assert console_errors(driver) == []
            await asyncio.to_thread(screenshot, driver, "dashboard-desktop")

        with browser(dark=True) as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart svg"))
            assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") is True
            await asyncio.to_thread(screenshot, driver, "dashboard-desktop-dark")


async def test_a_limit_set_on_the_page_reaches_the_charger_and_its_answer_is_shown(ampwise):
    server = ampwise()
    async with connected(server, "garage") as charger:
        await a_session(charger)
        with browser() as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.ID, "amps"))
            driver.find_element(By.ID, "amps").send_keys("9")
            driver.find_element(By.ID, "minutes").send_keys("30")
            driver.find_element(By.CSS_SELECTOR, "form[data-action=limit] button").click()

            def nine_amps(payload):
                periods = payload["csChargingProfiles"]["charging_schedule"]["charging_schedule_period"]
                return float(periods[0]["limit"]) == 9

            await charger.wait_for("SetChargingProfile", predicate=nine_amps)
            await asyncio.to_thread(
                wait, driver, lambda d: "the charger answered Accepted" in d.find_element(By.ID, "answer").text,
                15, "the page shows the charger's answer")
            await asyncio.to_thread(wait, driver, lambda d: "9.0 A" in d.find_element(By.ID, "chargers").text)
            assert console_errors(driver) == []


async def test_the_phone_layout_does_not_scroll_sideways(ampwise):
    server = ampwise(rules=SOLAR_RULES, tariff={"default": 0.28})
    async with connected(server, "garage") as charger:
        await a_session(charger)
        with browser(PHONE) as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart svg"))
            widths = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")
            assert widths[2] == PHONE[0]
            assert max(widths[:2]) <= PHONE[0], f"the page is wider than the phone: {widths}"
            assert console_errors(driver) == []
            await asyncio.to_thread(screenshot, driver, "dashboard-phone")


async def test_with_a_token_the_page_asks_for_it_and_then_works(ampwise):
    server = ampwise(api={"token": "let-me-in"})
    async with connected(server, "garage") as charger:
        await a_session(charger)
        with browser() as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            dialog = await asyncio.to_thread(
                wait, driver, lambda d: d.find_element(By.ID, "token-dialog") if d.execute_script(
                    "return document.getElementById('token-dialog').open") else None, 15, "the token prompt")
            await asyncio.to_thread(screenshot, driver, "dashboard-token-prompt")
            driver.set_window_size(*DESKTOP)
            field = dialog.find_element(By.ID, "token")
            assert driver.execute_script("return document.activeElement.id") == "token"
            field.send_keys("let-me-in")
            dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            await asyncio.to_thread(wait, driver, lambda d: status_badge(d, "garage") == "Charging",
                                    15, "the page works with the token")
            await asyncio.to_thread(wait, driver, lambda d: "live" == d.find_element(By.ID, "live").text)
            # The refused first requests are the 401s that made the page ask; nothing else fails.
            assert [m for m in console_errors(driver) if "401" not in m] == []


async def test_times_are_in_the_sites_zone_on_a_24_hour_clock_whatever_the_browsers_zone_and_locale(ampwise):
    # The site in India (UTC+05:30), the browser in California with a 12-hour American locale.
    site = ZoneInfo("Asia/Kolkata")
    server = ampwise(timezone="Asia/Kolkata", tariff={"default": 0.28})
    async with connected(server, "garage") as charger:
        await a_session(charger)
        from test_api import api
        hour = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
        slots = [{"start": (hour + timedelta(hours=index)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "end": (hour + timedelta(hours=index + 1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "price": 0.10 + index / 100} for index in range(1, 9)]
        assert (await api(server, "PUT", "/api/tariff", slots))[0] == 200
        status, health = await api(server, "GET", "/api/health")
        assert health["timezone"] == "Asia/Kolkata"

        def shown(moment: datetime) -> str:
            """What the page shows for a time: the clock for today (in the site's zone), else the date too."""
            local = moment.astimezone(site)
            today = datetime.now(site).date()
            return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")

        with browser(zone="America/Los_Angeles", locale="en-US") as driver:
            assert driver.execute_script("return Intl.DateTimeFormat().resolvedOptions().timeZone") == \
                "America/Los_Angeles"
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart svg"),
                                    15, "the charts are drawn")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-sessions td"),
                                    15, "the sessions are listed")
            assert driver.find_element(By.ID, "zone").text == "Asia/Kolkata"

            # The prices table: each pushed slot's start and end in Kolkata, 24-hour (the default
            # price fills the time before them).
            rows = driver.execute_script(
                "return [...document.querySelectorAll('#panel-prices tbody tr')]"
                ".map(r => [...r.cells].map(c => c.textContent))")
            by_price = {price: [start, end] for start, end, price in rows}
            for index in range(1, 4):
                assert by_price[f"{0.10 + index / 100:.3f}"] == [
                    shown(hour + timedelta(hours=index)), shown(hour + timedelta(hours=index + 1))], rows
            for table in ("prices", "sessions"):
                caption = driver.find_element(By.CSS_SELECTOR, f"#panel-{table} caption").get_attribute("textContent")
                assert caption.endswith("; times in Asia/Kolkata, 24-hour clock"), caption

            # The session started a moment ago: its start on Kolkata's clock.
            started = driver.execute_script("return document.querySelector('#panel-sessions tbody td').textContent")
            moment = datetime.now(timezone.utc)
            assert started in {shown(moment), shown(moment - timedelta(minutes=1))}

            # Each chart: 24-hour tick labels, the one nearest the "now" line within a step of Kolkata's
            # clock now, and the zone named under it.
            for figure in driver.find_elements(By.CSS_SELECTOR, "#panel-chart figure"):
                ticks = driver.execute_script(
                    "const svg = arguments[0].querySelector('svg');"
                    "const now = Number(svg.querySelector('line.now').getAttribute('x1'));"
                    "return [now, [...svg.querySelectorAll('text')].filter(t => /^\\d\\d:\\d\\d$/.test(t.textContent))"
                    ".map(t => [Number(t.getAttribute('x')), t.textContent])];", figure)
                now_x, labels = ticks
                assert len(labels) >= 2, labels
                texts = [text for _, text in labels]
                assert all(re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text) for text in texts), texts
                nearest = min(labels, key=lambda label: abs(label[0] - now_x))[1]
                local_now = datetime.now(site)
                minutes = int(nearest[:2]) * 60 + int(nearest[3:])
                gap = abs(minutes - (local_now.hour * 60 + local_now.minute))
                assert min(gap, 1440 - gap) <= 20, f"{nearest} is not near {local_now:%H:%M} in Kolkata: {texts}"
                caption = figure.find_element(By.CSS_SELECTOR, "[data-testid=chart-zone]").text
                assert caption == "times in Asia/Kolkata, 24-hour clock"
            page = driver.find_element(By.TAG_NAME, "body").get_attribute("textContent")
            assert not re.search(r"\d (AM|PM)\b", page), "a 12-hour time on the page"
            assert console_errors(driver) == []
            await asyncio.to_thread(screenshot, driver, "dashboard-site-zone")


def no_sideways_scroll(driver, width: int) -> None:
    widths = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")
    assert widths[2] == width
    assert max(widths[:2]) <= width, f"the page is wider than the window: {widths}"


async def test_a_goal_set_on_the_page_is_planned_and_shown_beside_the_plan_and_removed(ampwise):
    from test_goals import QUARTER, at, prices
    from test_scheduler import ONE_PHASE, SCHEDULER, plug_in_and_charge, put_tariff
    from test_api import api

    # The site in Berlin, so that the deadline typed on the site's clock must become the right instant.
    site = ZoneInfo("Europe/Berlin")
    server = ampwise(timezone="Europe/Berlin", scheduler=SCHEDULER, chargers={"garage": ONE_PHASE},
                     tariff={"default": 1.0})
    now_quarter = int(time.time()) // QUARTER * QUARTER
    # The two cheapest quarter hours are an hour away: 1 kWh at 3,680 W (16 A, one phase) takes both.
    cheap = [now_quarter + 4 * QUARTER, now_quarter + 5 * QUARTER]
    await put_tariff(server, prices(now_quarter, {cheap[0]: 0.05, cheap[1]: 0.06}))
    by = datetime.fromtimestamp(now_quarter + 6 * 3600, timezone.utc)
    async with connected(server, "garage") as charger:
        await plug_in_and_charge(charger)
        with browser() as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid=goal-none]"),
                                    15, "the goal panel says there is no goal")
            energy = driver.find_element(By.ID, "goal-energy")
            driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "goal-by"),
                                  by.astimezone(site).strftime("%Y-%m-%dT%H:%M"))

            # A bad value: the API's own error, next to the field it names, and nothing set.
            energy.send_keys("2000")
            driver.find_element(By.CSS_SELECTOR, "#goal-form button[type=submit]").click()
            error = await asyncio.to_thread(
                wait, driver, lambda d: d.find_element(By.ID, "goal-energy-error").text, 15, "the field's error")
            status, refusal = await api(server, "POST", "/api/chargers/garage/goal",
                                        {"connector": 1, "energyKWh": 2000, "by": at(int(by.timestamp()))})
            assert status == 400 and error == refusal["error"] == "energyKWh: expected a number above 0 and at most 1000"
            assert energy.get_attribute("aria-invalid") == "true"
            assert driver.execute_script("return document.activeElement.id") == "goal-energy"
            assert (await api(server, "GET", "/api/chargers/garage/goal?connector=1"))[0] == 404

            # With the keyboard: 1 kWh, Enter.
            energy.clear()
            energy.send_keys("1" + Keys.ENTER)
            answer = await asyncio.to_thread(
                wait, driver, lambda d: (t := d.find_element(By.ID, "goal-answer").text).startswith("Goal set") and t,
                15, "the page confirms what the API answered")
            assert "can be met" in answer and "2 quarter hours planned" in answer, answer
            assert driver.find_element(By.ID, "goal-energy-error").text == ""
            status, goal = await api(server, "GET", "/api/chargers/garage/goal?connector=1")
            assert status == 200 and goal["energyKWh"] == 1 and goal["by"] == at(int(by.timestamp()))
            assert goal["strategy"] == "cheapest" and goal["state"] == "waiting" and goal["canMeet"] is True
            assert [slot["start"] for slot in goal["slots"]] == [at(start) for start in cheap]

            # The page: its state, what is missing, the planned quarter hours on the site's clock, and
            # the same quarter hours shaded on the chart beside the plan.
            # Read in one script: a live event can draw the panel again between finding an element
            # and reading its text, which leaves a stale element behind.
            shown = driver.execute_script(
                "return ['goal-state', 'goal-missing', 'goal-can-meet']"
                ".map(id => document.querySelector(`[data-testid=${id}]`).innerText)")
            assert shown == ["waiting for a planned quarter hour", "1.00 kWh", "yes"], shown
            rows = driver.execute_script(
                "return [...document.querySelectorAll('[data-testid=goal-slots] tbody tr')]"
                ".map(r => [...r.cells].map(c => c.textContent))")

            def shown(seconds: int) -> str:
                local = datetime.fromtimestamp(seconds, site)
                return local.strftime("%H:%M") if local.date() == datetime.now(site).date() \
                    else local.strftime("%Y-%m-%d %H:%M")

            assert [row[:3] for row in rows] == [[shown(cheap[0]), shown(cheap[1] + QUARTER), "2"]], rows
            await asyncio.to_thread(wait, driver, lambda d: len(d.find_elements(
                By.CSS_SELECTOR, "#panel-chart rect.goal-slot")) == 2, 15, "the chart shades the two quarter hours")
            assert "goal: planned quarter hours" in driver.find_element(By.ID, "panel-chart").text
            assert "Goal: 1.0 kWh" in driver.find_element(By.ID, "chargers").text
            # The one refused request is the bad value's 400; nothing else fails.
            assert [m for m in console_errors(driver) if "/goal - " not in m or "400" not in m] == []
            await asyncio.to_thread(screenshot, driver, "dashboard-goal")

            with browser(PHONE) as phone:
                await asyncio.to_thread(phone.get, f"http://127.0.0.1:{server.api_port}/")
                await asyncio.to_thread(wait, phone, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid=goal-slots]"),
                                        15, "a new page shows the goal in force")
                await asyncio.to_thread(wait, phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart rect.goal-slot"))
                no_sideways_scroll(phone, PHONE[0])
                assert console_errors(phone) == []
                await asyncio.to_thread(screenshot, phone, "dashboard-goal-phone")
            with browser(dark=True) as dark:
                await asyncio.to_thread(dark.get, f"http://127.0.0.1:{server.api_port}/")
                await asyncio.to_thread(wait, dark, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel-chart rect.goal-slot"))
                await asyncio.to_thread(screenshot, dark, "dashboard-goal-dark")

            driver.find_element(By.ID, "goal-clear").click()
            await asyncio.to_thread(
                wait, driver, lambda d: d.find_element(By.ID, "goal-answer").text.startswith("Goal removed"), 15)
            assert (await api(server, "GET", "/api/chargers/garage/goal?connector=1"))[0] == 404
            assert driver.find_elements(By.CSS_SELECTOR, "[data-testid=goal-none]")
            assert not driver.find_elements(By.CSS_SELECTOR, "#panel-chart rect.goal-slot")


async def test_a_201_charger_shows_its_status_and_protocol_and_a_limit_set_on_the_page_reaches_it(ampwise):
    from charger201 import connected201
    from test_ocpp201 import limit201_is, plug_in_and_charge201
    from test_scheduler import ONE_PHASE, SCHEDULER

    server = ampwise(scheduler=SCHEDULER, chargers={"CS": ONE_PHASE})
    async with connected201(server, "CS") as station:
        await plug_in_and_charge201(station)
        with browser() as driver:
            await asyncio.to_thread(driver.get, f"http://127.0.0.1:{server.api_port}/")
            await asyncio.to_thread(wait, driver, lambda d: status_badge(d, "CS") == "Charging",
                                    15, "the station's EVSE shows Charging")
            assert driver.find_element(By.CSS_SELECTOR, "#chargers [data-testid=protocol]").text == "OCPP 2.0.1"
            driver.find_element(By.ID, "amps").send_keys("9")
            driver.find_element(By.CSS_SELECTOR, "form[data-action=limit] button").click()
            profile = await station.wait_for("SetChargingProfile", predicate=limit201_is(9.0))
            assert profile["evseId"] == 1
            await asyncio.to_thread(
                wait, driver, lambda d: "the charger answered Accepted" in d.find_element(By.ID, "answer").text,
                15, "the page shows the station's answer")
            await asyncio.to_thread(wait, driver, lambda d: "9.0 A" in d.find_element(By.ID, "chargers").text)
            assert console_errors(driver) == []
            await asyncio.to_thread(screenshot, driver, "dashboard-ocpp201")
