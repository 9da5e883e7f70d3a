"""Grows a soak database before the run: the rows a soak of MINUTES minutes writes (meter values,
status history, charger events, decisions, commands), dated in the hours before now, so that a
short run meets a database of the size a long one ends with (BENCHMARKS.md, "Soak").

    python3 Benchmarks/soak_prefill.py DATABASE MINUTES CHARGERS

The database must exist with Ampwise's schema (soak.sh starts and stops the server once first).
Rows per minute are those a 2,000-charger soak wrote (counted in a kept run's database)."""
import sqlite3
import sys
import time

PER_MINUTE = {"meter_values": 53_000, "status_history": 3_300, "charger_events": 1_200,
              "decisions": 17_000, "commands": 9_600}


def main() -> None:
    path, minutes, chargers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    start = time.time() - minutes * 60 - 3600
    db.create_function("ts", 1, lambda s: time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(start + s)) + ".000Z")
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
        "INSERT OR IGNORE INTO chargers (id, created_at) SELECT 'LG-' || i, ts(0) FROM n", (chargers,))

    def fill(table: str, columns: str, select: str) -> None:
        rows = PER_MINUTE[table] * minutes
        seconds = minutes * 60.0 / rows
        db.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            f"INSERT INTO {table} ({columns}) SELECT {select} FROM n", (rows,))
        db.commit()
        print(f"soak_prefill: {rows} rows in {table} (one per {seconds * 1000:.2f} ms of history)", flush=True)

    def when(per_minute: int) -> str:
        return f"ts(i * 60.0 / {per_minute})"

    charger = f"'LG-' || (i % {chargers})"
    fill("meter_values", "charger_id, connector_id, transaction_id, at, measurand, phase, context, value, unit",
         f"{charger}, 1, i % {chargers} + 1, {when(PER_MINUTE['meter_values'])}, "
         "CASE i % 4 WHEN 0 THEN 'Energy.Active.Import.Register' WHEN 1 THEN 'Current.Import' "
         "WHEN 2 THEN 'Voltage' ELSE 'Power.Active.Import' END, CASE i % 4 WHEN 1 THEN 'L1' "
         "WHEN 2 THEN 'L1-N' END, 'Sample.Periodic', i % 5000, 'Wh'")
    fill("status_history", "charger_id, connector_id, status, error_code, charger_timestamp, received_at",
         f"{charger}, 1, CASE i % 2 WHEN 0 THEN 'Charging' ELSE 'SuspendedEV' END, 'NoError', "
         f"{when(PER_MINUTE['status_history'])}, {when(PER_MINUTE['status_history'])}")
    fill("charger_events", "charger_id, kind, payload, at",
         f"{charger}, CASE i % 2 WHEN 0 THEN 'Connected' ELSE 'Disconnected' END, '{{}}', "
         f"{when(PER_MINUTE['charger_events'])}")
    fill("decisions", "at, charger_id, connector_id, charging, limit_amps, rules, explanation, min_current, "
         "max_current", f"{when(PER_MINUTE['decisions'])}, {charger}, 1, 1, 10.0, "
         "'{\"share\":[\"site fuse\"]}', 'limit 10.0 A (share: site fuse)', 6.0, 16.0")
    fill("commands", "charger_id, connector_id, action, payload, source, decision_id, sent_at, outcome, response, "
         "latency_ms, reason",
         f"{charger}, 1, 'SetChargingProfile', '{{\"connectorId\":1,\"csChargingProfiles\":{{\"chargingProfileId\":"
         "101,\"stackLevel\":8,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\","
         "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
         "\"limit\":10,\"numberPhases\":3}]}}}', 'scheduler', i + 1, "
         f"{when(PER_MINUTE['commands'])}, 'Accepted', '{{\"status\":\"Accepted\"}}', 4.9, 'limit 10.0 A'")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
