"""Issue 11: a Modbus TCP source read by the real `ampwise serve` from pymodbus, an independent Modbus
server holding a SunSpec device (common model 1, meter 203, inverter 103) and a raw input register.
Values reach GET /api/inputs, drive solar following, and a device that goes away and comes back is
logged once each way.
"""

import asyncio
import threading

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import ModbusTcpServer

from conftest import free_port
from test_scheduler import ONE_PHASE, SCHEDULER, api, limit_is, plug_in_and_charge
from charger import connected
from test_sources import source_status, wait_until

BASE = 40000
COMMON = BASE + 2          # model 1, length 66
METER = COMMON + 2 + 66    # model 203, length 105
INVERTER = METER + 2 + 105  # model 103, length 50
END = INVERTER + 2 + 50


def text_registers(text: str, count: int) -> list[int]:
    data = text.encode().ljust(count * 2, b"\0")
    return [data[i] << 8 | data[i + 1] for i in range(0, count * 2, 2)]


def s16(value: int) -> int:
    return value & 0xFFFF


def sunspec_registers(meter_watts_tenths: int, inverter_watts: int) -> dict[int, list[int]]:
    """A SunSpec device: meter W with scale factor -1 (tenths of a watt), inverter W with scale factor 1
    (tens of watts), everything else unimplemented or zero."""
    common = [1, 66] + text_registers("Ampwise Interop", 16) + text_registers("Meter 3000", 16) + [0] * 34
    meter = [203, 105] + [0] * 105
    meter[2] = 0x8000                     # A: not implemented
    meter[18] = s16(meter_watts_tenths)   # W
    meter[22] = s16(-1)                   # W_SF
    inverter = [103, 50] + [0] * 50
    inverter[14] = s16(inverter_watts // 10)  # W
    inverter[15] = 1                          # W_SF
    return {BASE: [0x5375, 0x6E53], COMMON: common, METER: meter, INVERTER: inverter, END: [0xFFFF, 0]}


class SunSpecDevice:
    """pymodbus serving holding registers (the SunSpec device) and input register 843 (a battery's
    state of charge) for unit 1, on its own thread and event loop."""

    def __init__(self, port: int, meter_watts: float = -2300, inverter_watts: int = 4500, battery: int = 77):
        self.port = port
        holding = ModbusSequentialDataBlock(1, [0] * (END + 2))
        inputs = ModbusSequentialDataBlock(1, [0] * 1000)
        self.context = ModbusSlaveContext(hr=holding, ir=inputs)
        for address, values in sunspec_registers(round(meter_watts * 10), inverter_watts).items():
            self.context.setValues(3, address, values)
        self.context.setValues(4, 843, [battery])
        self.loop = asyncio.new_event_loop()
        self.server = None
        listening = threading.Event()
        threading.Thread(target=self._run, args=(listening,), daemon=True).start()
        assert listening.wait(10), "pymodbus did not start listening"

    def _run(self, listening: threading.Event):
        asyncio.set_event_loop(self.loop)

        async def serve():
            self.server = ModbusTcpServer(ModbusServerContext(slaves={1: self.context}, single=False),
                                          address=("127.0.0.1", self.port))
            serving = asyncio.ensure_future(self.server.serve_forever())
            # Listening once a connection is accepted: the server has no "listening" event of its own.
            while not serving.done():
                try:
                    _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                    writer.close()
                    break
                except OSError:
                    await asyncio.sleep(0.02)
            listening.set()
            await serving

        try:
            self.loop.run_until_complete(serve())
        except (asyncio.CancelledError, RuntimeError):
            pass

    def set_meter_watts(self, watts: float):
        self.context.setValues(3, METER + 18, [s16(round(watts * 10))])

    def stop(self):
        future = asyncio.run_coroutine_threadsafe(self.server.shutdown(), self.loop)
        future.result(10)


def modbus_source(port: int, interval: float = 0.2) -> dict:
    return {"type": "modbus", "host": "127.0.0.1", "port": port, "unit": 1, "interval": interval, "timeout": 2,
            "inputs": {"grid.power": {"sunspec": "meter.W"}, "solar.power": {"sunspec": "inverter.W"},
                       "input.battery": {"register": 843, "function": "input", "format": "uint16"}}}


async def test_a_sunspec_meter_drives_solar_following(ampwise):
    port = free_port()
    device = SunSpecDevice(port)
    try:
        rules = {"solar.rules": 'rule "solar following" {\n limit -grid.power\n}\n'}
        server = ampwise(rules=rules, scheduler=SCHEDULER, chargers={"garage": ONE_PHASE},
                         sources={"meter": modbus_source(port)})
        inputs = await wait_until(lambda: (i := api(server, "GET", "/api/inputs")).get("input.battery") and i,
                                  what="the Modbus inputs")
        assert inputs["grid.power"]["value"] == -2300
        assert inputs["solar.power"]["value"] == 4500
        assert inputs["input.battery"]["value"] == 77
        await asyncio.to_thread(server.wait_for_log, "meter: SunSpec device Ampwise Interop Meter 3000 at base 40000")
        async with connected(server, "garage") as charger:
            await plug_in_and_charge(charger)
            await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
            # -3220 W is -32200 tenths: the largest export an int16 with scale factor -1 can carry here.
            device.set_meter_watts(-3220)
            await charger.wait_for("SetChargingProfile", predicate=limit_is(14.0))
        status = await asyncio.to_thread(source_status, server, "meter")
        assert status["type"] == "modbus" and status["state"] == "ok"
        assert status["inputs"] == {"grid.power": -3220, "solar.power": 4500, "input.battery": 77}
    finally:
        device.stop()


async def test_a_meter_that_goes_away_and_comes_back_is_logged_once_each_way(ampwise):
    port = free_port()
    device = SunSpecDevice(port)
    try:
        server = ampwise(sources={"meter": modbus_source(port, interval=0.1)})
        await wait_until(lambda: source_status(server, "meter")["state"] == "ok", what="first read")
        device.stop()
        await asyncio.to_thread(server.wait_for_log, "meter: cannot read:")
        failing = await wait_until(
            lambda: (s := source_status(server, "meter"))["state"] == "failing" and s, what="failing")
        assert failing["inputs"]["grid.power"] == -2300
        await asyncio.sleep(1.0)
        device = SunSpecDevice(port, meter_watts=-1000)
        await asyncio.to_thread(server.wait_for_log, "meter: reading again after")
        await wait_until(lambda: source_status(server, "meter")["inputs"]["grid.power"] == -1000,
                         what="the value after the recovery")
        assert len([line for line in server.lines if "meter: cannot read" in line]) == 1
        assert len([line for line in server.lines if "meter: reading again" in line]) == 1
    finally:
        device.stop()
