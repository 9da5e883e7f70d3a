"""Issue 16: security profiles 2 and 3 (SPEC §13), against the Python `ocpp` charger over TLS
with client certificates the test makes with the openssl command."""

import asyncio
import re
import secrets
import sqlite3
import ssl
import subprocess
from pathlib import Path

import pytest
import websockets
import websockets.exceptions
from ocpp.v16 import call
from ocpp.v16.enums import RegistrationStatus

from charger import connected
from conftest import AMPWISE_BIN, free_port
from test_api import api, http
from test_core import basic

PASSWORD = "0123456789abcdef0123"


def openssl(*arguments) -> None:
    subprocess.run(["openssl", *map(str, arguments)], check=True, capture_output=True)


class Authority:
    """A certificate authority in `directory` that issues P-256 client certificates."""

    def __init__(self, directory: Path, name: str):
        self.directory = directory
        self.name = name
        self.certificate = directory / f"{name}.ca.pem"
        self.key = directory / f"{name}.ca.key"
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", self.key, "-out", self.certificate, "-days", 2, "-subj", f"/CN={name}")

    def issue(self, common_name: str, days: int = 2) -> tuple[str, str]:
        stem = f"{self.name}-{common_name}-{secrets.token_hex(4)}"
        key, request, certificate = (self.directory / f"{stem}{suffix}" for suffix in (".key", ".csr", ".pem"))
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", request, "-subj", f"/O=Ampwise tests/CN={common_name}")
        openssl("x509", "-req", "-in", request, "-CA", self.certificate, "-CAkey", self.key,
                "-set_serial", secrets.randbits(63), "-out", certificate, "-days", days)
        return str(certificate), str(key)


@pytest.fixture
def authority(tmp_path) -> Authority:
    return Authority(tmp_path, "chargers")


def secure_server(ampwise, authority: Authority, chargers: dict):
    """ws:// on central.port and wss:// on central.tls.port, trusting `authority` for profile 3."""
    return ampwise(tls={"clientCA": str(authority.certificate), "port": free_port()}, chargers=chargers)


async def metrics(server) -> str:
    _, text, _ = await asyncio.to_thread(http, server, "GET", "/metrics")
    return text


async def refused_status(url: str, **kwargs) -> int:
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(url, subprotocols=["ocpp1.6"], open_timeout=5, **kwargs):
            pass
    return refused.value.response.status_code


async def test_profile_3_accepts_the_charger_whose_certificate_names_it(ampwise, authority):
    server = secure_server(ampwise, authority, {"CP-3": {"securityProfile": 3}})
    context = server.ssl_context(authority.issue("CP-3"))
    async with connected(server, "CP-3", url=server.secure_url("CP-3"), ssl=context) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted


async def test_profile_3_refuses_a_certificate_for_another_charger_and_logs_it_once(ampwise, authority):
    server = secure_server(ampwise, authority, {"CP-3": {"securityProfile": 3}})
    context = server.ssl_context(authority.issue("CP-4"))
    for _ in range(3):
        assert await refused_status(server.secure_url("CP-3"), ssl=context) == 401
    server.wait_for_log("subject CN to be the charger id")
    assert sum("subject CN" in line for line in server.lines) == 1
    assert 'ampwise_security_profile_refusals_total{reason="common_name_mismatch"} 3' in await metrics(server)


async def test_profile_3_refuses_no_certificate_even_with_the_right_password(ampwise, authority):
    server = secure_server(ampwise, authority, {"CP-3": {"securityProfile": 3, "password": PASSWORD}})
    headers = basic("CP-3", PASSWORD)
    assert await refused_status(server.secure_url("CP-3"), ssl=server.ssl_context(),
                                additional_headers=headers) == 401
    # Nor on the plain port, with a certificate or without.
    assert await refused_status(server.url("CP-3"), additional_headers=headers) == 401
    server.wait_for_log("none was sent")
    server.wait_for_log("security profile 3 needs TLS")


@pytest.mark.parametrize("kind", ["untrusted", "expired"])
async def test_profile_3_refuses_a_certificate_that_does_not_verify_at_the_handshake(ampwise, authority, tmp_path,
                                                                                     kind):
    server = secure_server(ampwise, authority, {"CP-3": {"securityProfile": 3}})
    certificate = (Authority(tmp_path, "stranger").issue("CP-3") if kind == "untrusted"
                   else authority.issue("CP-3", days=-1))
    with pytest.raises((ssl.SSLError, OSError, EOFError, websockets.exceptions.InvalidMessage)):
        async with websockets.connect(server.secure_url("CP-3"), subprotocols=["ocpp1.6"], open_timeout=5,
                                      ssl=server.ssl_context(certificate)):
            pass
    reason = "unable to get local issuer certificate" if kind == "untrusted" else "certificate has expired"
    server.wait_for_log(f"certificate verify failed: {reason}")


async def test_ws_and_wss_serve_side_by_side(ampwise, authority):
    server = secure_server(ampwise, authority, {
        "plain": {"password": PASSWORD},
        "secure": {"password": PASSWORD, "securityProfile": 2},
    })
    server.wait_for_log(f"and wss://127.0.0.1:{server.config['central']['tls']['port']}/<chargerId>")
    async with connected(server, "plain", headers=basic("plain", PASSWORD)) as plain, \
            connected(server, "secure", url=server.secure_url("secure"), headers=basic("secure", PASSWORD)) as secure:
        assert (await plain.boot()).status == RegistrationStatus.accepted
        assert (await secure.boot()).status == RegistrationStatus.accepted
    # Profile 2 over ws:// is refused; profile 1 may use either.
    assert await refused_status(server.url("secure"), additional_headers=basic("secure", PASSWORD)) == 401
    async with connected(server, "plain", url=server.secure_url("plain"), headers=basic("plain", PASSWORD)) as plain:
        assert (await plain.boot()).status == RegistrationStatus.accepted
    assert 'ampwise_security_profile_refusals_total{reason="tls_required"} 1' in await metrics(server)


NEW_PASSWORD = "Rotated-password-2026"


def database_text(server) -> str:
    """Every value of every table, as text (the server must be stopped, so that all is written)."""
    with sqlite3.connect(server.directory / "ampwise.sqlite") as database:
        tables = [row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for table in tables for row in database.execute(f'SELECT * FROM "{table}"'))


async def test_a_password_rotated_over_ocpp_takes_over_once_the_charger_uses_it(ampwise):
    server = ampwise(chargers={"garage": {"password": PASSWORD}})
    async with connected(server, "garage", headers=basic("garage", PASSWORD)) as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/garage/password", {"password": NEW_PASSWORD})
        assert (status, answer) == (200, {"status": "Accepted"})
        change = await charger.wait_for("ChangeConfiguration", predicate=lambda p: p["key"] == "AuthorizationKey")
        # The whitepaper's AuthorizationKey: the password's bytes, hex-encoded.
        assert bytes.fromhex(change["value"]).decode() == NEW_PASSWORD
    # Until the charger has used the new password, the old one still gets in.
    async with connected(server, "garage", headers=basic("garage", PASSWORD)) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted
    async with connected(server, "garage", headers=basic("garage", NEW_PASSWORD)) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted
    assert await refused_status(server.url("garage"), additional_headers=basic("garage", PASSWORD)) == 401
    # Across a restart: the new password is stored, the old one stays refused.
    server.stop()
    restarted = ampwise(reuse=server)
    async with connected(restarted, "garage", headers=basic("garage", NEW_PASSWORD)) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted
    assert await refused_status(restarted.url("garage"), additional_headers=basic("garage", PASSWORD)) == 401
    restarted.stop()
    # Neither the log (at debug, which shows every frame) nor the database holds it in plain text or hex.
    secret_forms = [NEW_PASSWORD, NEW_PASSWORD.encode().hex(), NEW_PASSWORD.encode().hex().upper()]
    logs = "\n".join(server.lines + restarted.lines)
    stored = database_text(server)
    assert "pbkdf2-sha256$100000$" in stored
    for secret in secret_forms:
        assert secret not in logs
        assert secret not in stored


async def test_a_password_change_the_charger_rejects_changes_nothing(ampwise):
    server = ampwise(chargers={"garage": {"password": PASSWORD}})
    async with connected(server, "garage", headers=basic("garage", PASSWORD)) as charger:
        await charger.boot()
        charger.rejected_keys.add("AuthorizationKey")
        status, answer = await api(server, "POST", "/api/chargers/garage/password", {"password": NEW_PASSWORD})
        assert (status, answer) == (200, {"status": "Rejected"})
    async with connected(server, "garage", headers=basic("garage", PASSWORD)) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted
    assert await refused_status(server.url("garage"), additional_headers=basic("garage", NEW_PASSWORD)) == 401


async def test_security_events_are_listed_counted_and_shown_by_why(ampwise):
    server = ampwise()
    async with connected(server, "garage") as charger:
        await charger.boot()
        await charger.call(call.SecurityEventNotification(
            type="InvalidCentralSystemCertificate", timestamp="2026-12-03T01:00:00Z", tech_info="expired"))
        await charger.call(call.SecurityEventNotification(
            type="FirmwareUpdated", timestamp="2026-12-03T01:01:00Z", tech_info=None))
    status, events = await api(server, "GET", "/api/security-events?charger=garage")
    assert status == 200
    assert [(event["charger"], event["type"], event["techInfo"]) for event in events] == [
        ("garage", "FirmwareUpdated", None), ("garage", "InvalidCentralSystemCertificate", "expired")]
    assert events[1]["timestamp"] == "2026-12-03T01:00:00Z"
    text = await metrics(server)
    assert 'ampwise_security_events_total{type="InvalidCentralSystemCertificate"} 1' in text
    server.stop()
    why = subprocess.run(
        [AMPWISE_BIN, "why", "garage", "--config", str(server.config_path),
         "--db", str(server.directory / "ampwise.sqlite")], capture_output=True, text=True, timeout=30)
    assert why.returncode == 0, why.stderr
    assert any(re.search(r"garage +security event +InvalidCentralSystemCertificate: expired$", line)
               for line in why.stdout.splitlines()), why.stdout
