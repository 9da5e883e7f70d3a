"""Issue 16: security profiles 2 and 3 (SPEC §13), against the Python `ocpp` charger over TLS
with client certificates the test makes with the openssl command."""

import asyncio
import hashlib
import re
import secrets
import sqlite3
import ssl
import subprocess
from pathlib import Path

import pytest
import websockets
import websockets.exceptions
from ocpp.routing import after, on
from ocpp.v16 import call, call_result
from ocpp.v16.enums import (
    Action,
    CertificateSignedStatus,
    CertificateStatus,
    DeleteCertificateStatus,
    FirmwareStatus,
    GetInstalledCertificateStatus,
    GenericStatus,
    LogStatus,
    RegistrationStatus,
    UpdateFirmwareStatus,
    UploadLogStatus,
)
from ocpp.v201 import call as call201
from ocpp.v201 import call_result as call_result201
from ocpp.v201.enums import Action as Action201

from charger import PythonCharger, connected
from charger201 import PythonStation, connected201
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


NEW_PASSWORD = "Rotated-password-26!"  # 20 bytes: the most a 1.6 AuthorizationKey holds


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


async def test_a_password_longer_than_an_authorization_key_holds_is_refused_before_anything_is_sent(ampwise):
    server = ampwise(chargers={"garage": {"password": PASSWORD}})
    async with connected(server, "garage", headers=basic("garage", PASSWORD)) as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/garage/password", {"password": NEW_PASSWORD + "!"})
        assert status == 400 and answer["error"].startswith(
            "password: an OCPP 1.6 charger's AuthorizationKey holds 16 to 20 bytes"), answer
        assert [p for p in charger.calls("ChangeConfiguration") if p["key"] == "AuthorizationKey"] == []
    # The charger's password is still the one it had.
    assert await refused_status(server.url("garage"), additional_headers=basic("garage", NEW_PASSWORD + "!")) == 401


def why_lines(server, charger_id: str) -> list[str]:
    """The lines of `ampwise why CHARGER` on the (stopped) server's configuration and database."""
    why = subprocess.run(
        [AMPWISE_BIN, "why", charger_id, "--config", str(server.config_path),
         "--db", str(server.directory / "ampwise.sqlite")], capture_output=True, text=True, timeout=30)
    assert why.returncode == 0, why.stderr
    return why.stdout.splitlines()


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
    lines = why_lines(server, "garage")
    assert any(re.search(r"garage +security event +InvalidCentralSystemCertificate: expired$", line)
               for line in lines), lines


class InstalledCertificates:
    """The certificates a test charger holds (1.6 or 2.0.1), each with the CertificateHashData it
    reports for it: SHA-256 stand-ins for the whitepaper's hashes of the issuer's name and key, since
    Ampwise only passes them on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.installed: list[tuple[str, dict]] = []

    def install(self, certificate_type: str, certificate: str) -> None:
        digest = hashlib.sha256(certificate.encode()).hexdigest()
        self.installed.append((certificate_type, {
            "hash_algorithm": "SHA256", "issuer_name_hash": digest, "issuer_key_hash": digest[::-1],
            "serial_number": f"{len(self.installed) + 1:X}"}))

    def listed(self, certificate_types) -> list[tuple[str, dict]]:
        return [(kind, data) for kind, data in self.installed if not certificate_types or kind in certificate_types]

    def delete(self, hash_data: dict) -> bool:
        """Whether a certificate with this hash data was there (and is gone now)."""
        kept = [(kind, data) for kind, data in self.installed if data != hash_data]
        deleted = len(kept) < len(self.installed)
        self.installed = kept
        return deleted


class SecureCharger(InstalledCertificates, PythonCharger):
    """A 1.6 charger with the security extension: keeps the certificate chain it is sent, installs,
    lists and deletes certificates, and uploads its log on GetLog, reporting with LogStatusNotification."""

    @on(Action.certificate_signed)
    def on_certificate_signed(self, certificate_chain, **_):
        self.record("CertificateSigned", {"certificateChain": certificate_chain})
        return call_result.CertificateSigned(status=CertificateSignedStatus.accepted)

    @on(Action.install_certificate)
    def on_install_certificate(self, certificate_type, certificate, **_):
        self.record("InstallCertificate", {"certificateType": certificate_type})
        self.install(certificate_type, certificate)
        return call_result.InstallCertificate(status=CertificateStatus.accepted)

    @on(Action.get_installed_certificate_ids)
    def on_get_installed_certificate_ids(self, certificate_type, **_):
        self.record("GetInstalledCertificateIds", {"certificateType": certificate_type})
        listed = [data for _, data in self.listed([certificate_type])]
        if not listed:
            return call_result.GetInstalledCertificateIds(status=GetInstalledCertificateStatus.not_found)
        return call_result.GetInstalledCertificateIds(status=GetInstalledCertificateStatus.accepted,
                                                      certificate_hash_data=listed)

    @on(Action.delete_certificate)
    def on_delete_certificate(self, certificate_hash_data, **_):
        self.record("DeleteCertificate", {"certificateHashData": certificate_hash_data})
        deleted = self.delete(certificate_hash_data)
        return call_result.DeleteCertificate(
            status=DeleteCertificateStatus.accepted if deleted else DeleteCertificateStatus.not_found)

    @on(Action.get_log)
    def on_get_log(self, log, log_type, request_id, **_):
        self.record("GetLog", {"log": log, "logType": log_type, "requestId": request_id})
        return call_result.GetLog(status=LogStatus.accepted, filename="security.log")

    @after(Action.get_log)
    async def after_get_log(self, request_id, **_):
        await self.call(call.LogStatusNotification(status=UploadLogStatus.uploaded, request_id=request_id))

    @on(Action.signed_update_firmware)
    def on_signed_update_firmware(self, request_id, firmware, **_):
        self.record("SignedUpdateFirmware", {"requestId": request_id, "firmware": firmware})
        return call_result.SignedUpdateFirmware(status=UpdateFirmwareStatus.accepted)

    @after(Action.signed_update_firmware)
    async def after_signed_update_firmware(self, request_id, **_):
        await self.call(call.SignedFirmwareStatusNotification(status=FirmwareStatus.signature_verified,
                                                              request_id=request_id))


async def recorded(server, path: str, predicate) -> bool:
    """Whether the API's list at `path` has an entry that `predicate` accepts."""
    status, entries = await api(server, "GET", path)
    assert status == 200, entries
    return any(predicate(entry) for entry in entries)


async def eventually(check, timeout: float = 10) -> bool:
    """Polls `check` (an async callable) until it holds or `timeout` seconds have passed: for what
    the server records after the charger has seen its part of the exchange."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def make_request(directory: Path, common_name: str) -> tuple[Path, str]:
    """A P-256 key and a certificate signing request for `common_name`, as a charger makes them."""
    key, request = directory / f"{common_name}.key", directory / f"{common_name}.csr"
    openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", request, "-subj", f"/O=Ampwise tests/CN={common_name}")
    return key, request.read_text()


def authority_server(ampwise, authority: Authority, chargers: dict):
    """ws:// and wss:// side by side, `authority` trusted for profile 3 and signing CSRs (central.tls.ca)."""
    return ampwise(tls={"clientCA": str(authority.certificate), "port": free_port(),
                        "ca": {"certificate": str(authority.certificate), "privateKey": str(authority.key)}},
                   chargers=chargers)


def certificate_subject(path: Path) -> str:
    """`CN=...,O=...`: the subject as RFC 2253 writes it (without openssl's `subject=`)."""
    return subprocess.run(["openssl", "x509", "-in", str(path), "-noout", "-subject", "-nameopt", "RFC2253"],
                          check=True, capture_output=True, text=True).stdout.strip().removeprefix("subject=")


async def test_a_charger_gets_its_certificate_signed_and_moves_to_profile_3(ampwise, authority, tmp_path):
    server = authority_server(ampwise, authority, {"CP-5": {"password": PASSWORD}})
    key, request = make_request(tmp_path, "CP-5")
    async with connected(server, "CP-5", cls=SecureCharger, headers=basic("CP-5", PASSWORD)) as charger:
        await charger.boot()
        answer = await charger.call(call.SignCertificate(csr=request))
        assert answer.status == GenericStatus.accepted
        chain = (await charger.wait_for("CertificateSigned"))["certificateChain"]
        # The charger's answer is recorded with the command (once it has arrived).
        assert await eventually(lambda: recorded(server, "/api/commands?charger=CP-5", lambda command: (
            command["action"], command["outcome"], command["source"]) == ("CertificateSigned", "Accepted",
                                                                          "certificates")))
    # The leaf, then the CA's certificate; the leaf verifies against the CA and names the charger.
    assert chain.count("-----BEGIN CERTIFICATE-----") == 2
    leaf_text = chain[:chain.index("-----END CERTIFICATE-----") + len("-----END CERTIFICATE-----")] + "\n"
    leaf = tmp_path / "CP-5.pem"
    leaf.write_text(leaf_text)
    assert chain.endswith(authority.certificate.read_text())
    verified = subprocess.run(["openssl", "verify", "-CAfile", str(authority.certificate), "-purpose", "sslclient",
                               str(leaf)], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert certificate_subject(leaf) == "CN=CP-5,O=Ampwise tests"
    server.stop()
    # Profile 3 with that certificate (its chain file as the charger keeps it).
    chain_file = tmp_path / "CP-5.chain.pem"
    chain_file.write_text(chain)
    moved = authority_server(ampwise, authority, {"CP-5": {"securityProfile": 3}})
    context = moved.ssl_context((str(chain_file), str(key)))
    async with connected(moved, "CP-5", url=moved.secure_url("CP-5"), ssl=context) as charger:
        assert (await charger.boot()).status == RegistrationStatus.accepted
    # Nothing private in the log or the database: not the CA's key, and the charger's never left it.
    moved.stop()
    for private_key in (authority.key, key):
        secret = private_key.read_text().splitlines()[1]
        assert secret not in "\n".join(server.lines + moved.lines)
        assert secret not in database_text(server)


async def test_a_request_for_another_charger_is_rejected_and_says_why(ampwise, authority, tmp_path):
    server = authority_server(ampwise, authority, {})
    _, request = make_request(tmp_path, "CP-6")
    async with connected(server, "CP-5", cls=SecureCharger) as charger:
        await charger.boot()
        answer = await charger.call(call.SignCertificate(csr=request))
        assert answer.status == GenericStatus.rejected
    server.wait_for_log("SignCertificate: Rejected, the subject's commonName (CN) is CP-6, not the charger id CP-5")
    status, events = await api(server, "GET", "/api/charger-events?charger=CP-5&kind=CertificateSigningRefused")
    assert status == 200
    assert [event["payload"]["reason"] for event in events] == [
        "the subject's commonName (CN) is CP-6, not the charger id CP-5"]


async def test_without_a_certificate_authority_a_request_is_rejected_and_logged_once(ampwise, tmp_path):
    server = ampwise()
    _, request = make_request(tmp_path, "CP-5")
    async with connected(server, "CP-5") as charger:
        await charger.boot()
        for _ in range(2):
            assert (await charger.call(call.SignCertificate(csr=request))).status == GenericStatus.rejected
    server.wait_for_log("no certificate authority is configured (central.tls.ca)")
    assert sum("no certificate authority" in line for line in server.lines) == 1


async def test_installed_certificates_and_the_log_through_call(ampwise):
    server = ampwise()
    async with connected(server, "garage", cls=SecureCharger) as charger:
        await charger.boot()
        status, answer = await api(server, "POST", "/api/chargers/garage/call", {
            "action": "GetInstalledCertificateIds", "payload": {"certificateType": "CentralSystemRootCertificate"}})
        assert (status, answer) == (200, {"status": "NotFound"})
        assert (await charger.wait_for("GetInstalledCertificateIds"))["certificateType"] == \
            "CentralSystemRootCertificate"
        status, answer = await api(server, "POST", "/api/chargers/garage/call", {
            "action": "GetLog", "payload": {"logType": "SecurityLog", "requestId": 7,
                                            "log": {"remoteLocation": "https://logs.example.com/upload"}}})
        assert (status, answer) == (200, {"status": "Accepted", "filename": "security.log"})
        # A payload that breaks the schema is refused before it reaches the charger, naming the field.
        status, answer = await api(server, "POST", "/api/chargers/garage/call", {
            "action": "GetLog", "payload": {"logType": "AuditLog", "requestId": 8,
                                            "log": {"remoteLocation": "https://logs.example.com/upload"}}})
        assert status == 400 and answer["error"].startswith("payload.logType"), answer
        # The charger's LogStatusNotification is recorded.
        assert await eventually(lambda: recorded(
            server, "/api/charger-events?charger=garage&kind=LogStatusNotification",
            lambda event: event["payload"] == {"status": "Uploaded", "requestId": 7}))
        # So is its SignedFirmwareStatusNotification after a SignedUpdateFirmware.
        status, answer = await api(server, "POST", "/api/chargers/garage/call", {
            "action": "SignedUpdateFirmware", "payload": {"requestId": 11, "firmware": {
                "location": "https://firmware.example.com/v2.bin", "retrieveDateTime": "2026-12-04T02:00:00Z",
                "signingCertificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                "signature": "c2lnbmF0dXJl"}}})
        assert (status, answer) == (200, {"status": "Accepted"})
        assert await eventually(lambda: recorded(
            server, "/api/charger-events?charger=garage&kind=SignedFirmwareStatusNotification",
            lambda event: event["payload"] == {"status": "SignatureVerified", "requestId": 11}))
    assert len(charger.calls("GetLog")) == 1


class SecureStation(InstalledCertificates, PythonStation):
    """A 2.0.1 station that keeps the certificate chain it is sent, and installs, lists and deletes
    certificates."""

    @on(Action201.certificate_signed)
    def on_certificate_signed(self, certificate_chain, certificate_type=None, **_):
        self.record("CertificateSigned", {"certificateChain": certificate_chain, "certificateType": certificate_type})
        return call_result201.CertificateSigned(status="Accepted")

    @on(Action201.install_certificate)
    def on_install_certificate(self, certificate_type, certificate, **_):
        self.install(certificate_type, certificate)
        return call_result201.InstallCertificate(status="Accepted")

    @on(Action201.get_installed_certificate_ids)
    def on_get_installed_certificate_ids(self, certificate_type=None, **_):
        chain = [{"certificate_type": kind, "certificate_hash_data": data}
                 for kind, data in self.listed(certificate_type)]
        if not chain:
            return call_result201.GetInstalledCertificateIds(status="NotFound")
        return call_result201.GetInstalledCertificateIds(status="Accepted", certificate_hash_data_chain=chain)

    @on(Action201.delete_certificate)
    def on_delete_certificate(self, certificate_hash_data, **_):
        return call_result201.DeleteCertificate(status="Accepted" if self.delete(certificate_hash_data) else "NotFound")


async def test_a_station_gets_its_certificate_signed_over_ocpp_201(ampwise, authority, tmp_path):
    # wss:// only: the 2.0.1 station connects with TLS.
    server = ampwise(tls={"ca": {"certificate": str(authority.certificate), "privateKey": str(authority.key)}})
    _, request = make_request(tmp_path, "CS-7")
    async with connected201(server, "CS-7", cls=SecureStation) as station:
        await station.boot()
        answer = await station.call(call201.SignCertificate(csr=request, certificate_type="ChargingStationCertificate"))
        assert answer.status == "Accepted"
        signed = await station.wait_for("CertificateSigned")
    assert signed["certificateType"] == "ChargingStationCertificate"
    assert signed["certificateChain"].count("-----BEGIN CERTIFICATE-----") == 2


async def install_list_and_delete(server, charger_id: str, install: dict, list_payload: dict, hashes) -> dict:
    """InstallCertificate `install`, GetInstalledCertificateIds `list_payload`, then DeleteCertificate
    of what it listed (`hashes` takes the hash data out of its answer) twice, through
    `POST /api/chargers/{id}/call`; checks each answer and that each is recorded with its command.
    Answers the GetInstalledCertificateIds answer."""
    async def call(action: str, payload: dict) -> dict:
        status, answer = await api(server, "POST", f"/api/chargers/{charger_id}/call",
                                   {"action": action, "payload": payload})
        assert status == 200, answer
        return answer

    assert await call("InstallCertificate", install) == {"status": "Accepted"}
    listed = await call("GetInstalledCertificateIds", list_payload)
    assert listed["status"] == "Accepted" and len(hashes(listed)) == 1, listed
    deleted = {"certificateHashData": hashes(listed)[0]}
    assert await call("DeleteCertificate", deleted) == {"status": "Accepted"}
    assert await call("DeleteCertificate", deleted) == {"status": "NotFound"}
    # Recorded before the API answers: the audit trail holds each answer as the charger gave it.
    status, entries = await api(server, "GET", f"/api/commands?charger={charger_id}")
    assert status == 200, entries
    certificate_commands = [(entry["action"], entry["source"], entry["outcome"], entry["response"])
                            for entry in reversed(entries) if "Certificate" in entry["action"]]
    assert certificate_commands == [
        ("InstallCertificate", "api", "Accepted", {"status": "Accepted"}),
        ("GetInstalledCertificateIds", "api", "Accepted", listed),
        ("DeleteCertificate", "api", "Accepted", {"status": "Accepted"}),
        ("DeleteCertificate", "api", "NotFound", {"status": "NotFound"}),
    ]
    return listed


async def test_certificates_installed_listed_and_deleted_through_call_are_recorded(ampwise, authority):
    server = ampwise()
    async with connected(server, "garage", cls=SecureCharger) as charger:
        await charger.boot()
        listed = await install_list_and_delete(
            server, "garage",
            {"certificateType": "CentralSystemRootCertificate", "certificate": authority.certificate.read_text()},
            {"certificateType": "CentralSystemRootCertificate"}, lambda answer: answer["certificateHashData"])
        assert charger.installed == []
    serial = listed["certificateHashData"][0]["serialNumber"]
    server.stop()
    lines = why_lines(server, "garage")
    for expected in (r"InstallCertificate CentralSystemRootCertificate -> Accepted",
                     r"GetInstalledCertificateIds CentralSystemRootCertificate -> Accepted, 1 certificate",
                     rf"DeleteCertificate serial {serial} -> NotFound"):
        assert any(re.search(r"garage +sent \(api\) +" + expected + r" \(\d+ ms\)$", line)
                   for line in lines), (expected, lines)


async def test_a_201_station_installs_lists_and_deletes_certificates_through_call(ampwise, authority):
    server = ampwise()
    async with connected201(server, "CS-8", cls=SecureStation) as station:
        await station.boot()
        listed = await install_list_and_delete(
            server, "CS-8",
            {"certificateType": "CSMSRootCertificate", "certificate": authority.certificate.read_text()},
            {"certificateType": ["CSMSRootCertificate"]},
            lambda answer: [chain["certificateHashData"] for chain in answer["certificateHashDataChain"]])
        assert listed["certificateHashDataChain"][0]["certificateType"] == "CSMSRootCertificate"
        assert station.installed == []
