"""A real MQTT broker (Debian's `mosquitto`) on a free loopback port, and a `paho-mqtt` client
that records what it receives, for the MQTT tests (issue 12)."""

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt

from conftest import free_port

MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"


class Broker:
    """mosquitto with a temporary configuration: 127.0.0.1 only, anonymous, no persistence (a
    restart loses every retained message, as a broker without a store does)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.config = directory / "mosquitto.conf"
        self.config.write_text(
            f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
            "log_dest stdout\nlog_type all\n")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def start(self) -> None:
        # The log goes to stdout, line by line (`stdbuf`: tests read it as it grows), into a file
        # opened here: mosquitto started as root drops to the `mosquitto` user, which could not
        # open a log file in this directory itself.
        with open(self.directory / "mosquitto.log", "a") as log:
            self.process = subprocess.Popen(["stdbuf", "-oL", MOSQUITTO, "-c", str(self.config)], stdout=log,
                                            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise AssertionError("mosquitto did not start:\n" + self.log())
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def log(self) -> str:
        path = self.directory / "mosquitto.log"
        return path.read_text() if path.exists() else ""


class Observer:
    """A paho-mqtt client that keeps every message it receives (topic, payload, retain flag) and
    lets a test wait for one."""

    def __init__(self, broker: Broker, *subscriptions: str):
        self.messages: list[tuple[str, bytes, bool]] = []
        self.condition = threading.Condition()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"observer-{id(self)}")
        self.subscriptions = subscriptions
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.subscribed = threading.Event()
        self.client.on_subscribe = lambda *_: self.subscribed.set()
        self.client.connect("127.0.0.1", broker.port)
        self.client.loop_start()
        if not self.subscribed.wait(10):
            raise AssertionError("the observer could not subscribe")

    def _on_connect(self, client, userdata, flags, reason_code, properties):
        client.subscribe([(topic, 1) for topic in self.subscriptions])

    def _on_message(self, client, userdata, message):
        with self.condition:
            self.messages.append((message.topic, message.payload, bool(message.retain)))
            self.condition.notify_all()

    def wait_for(self, topic: str, predicate=lambda payload: True, timeout: float = 15, after: int = 0):
        """The first message on `topic` (from index `after` on) whose payload passes `predicate`."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for seen_topic, payload, retain in self.messages[after:]:
                    if seen_topic == topic and predicate(payload):
                        return payload, retain
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"nothing on {topic}; got {[(t, p) for t, p, _ in self.messages[-30:]]}")
                self.condition.wait(remaining)

    def latest(self, topic: str) -> bytes | None:
        with self.condition:
            for seen_topic, payload, _ in reversed(self.messages):
                if seen_topic == topic:
                    return payload
        return None

    def publish(self, topic: str, payload: str | bytes, retain: bool = False, qos: int = 1) -> None:
        self.client.publish(topic, payload, qos=qos, retain=retain).wait_for_publish(10)

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()
