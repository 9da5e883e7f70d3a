import SQLite

/// The database schema as numbered, append-only migrations; `docs/database.md` describes
/// every table. Never edit a released migration: add the next one.
public enum StoreSchema {
    /// The schema version this program writes.
    public static var latestVersion: Int { migrator.latestVersion }

    public static let migrator = SQLiteMigrator(migrations: [
        core, auditTrail, commandReasons, decisionFigures, inputHistory, energyGoals, decisionPhases,
        chargerTransactionIds, remoteStarts,
    ])

    /// Version 1: what a charger reports about itself, its sessions and its meter.
    static let core = SQLiteMigration(
        version: 1, name: "chargers, status, transactions, meter values",
        sql: """
            CREATE TABLE chargers (
                id TEXT PRIMARY KEY NOT NULL,
                vendor TEXT,
                model TEXT,
                charge_point_serial_number TEXT,
                charge_box_serial_number TEXT,
                firmware_version TEXT,
                iccid TEXT,
                imsi TEXT,
                meter_type TEXT,
                meter_serial_number TEXT,
                features TEXT NOT NULL DEFAULT '[]',
                connector_count INTEGER,
                created_at TEXT NOT NULL,
                first_seen_at TEXT,
                last_seen_at TEXT,
                last_boot_at TEXT,
                last_heartbeat_at TEXT
            );
            CREATE TABLE connectors (
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                connector_id INTEGER NOT NULL,
                status TEXT NOT NULL,
                error_code TEXT NOT NULL,
                info TEXT,
                vendor_id TEXT,
                vendor_error_code TEXT,
                charger_timestamp TEXT,
                received_at TEXT NOT NULL,
                PRIMARY KEY (charger_id, connector_id)
            ) WITHOUT ROWID;
            CREATE TABLE status_history (
                id INTEGER PRIMARY KEY,
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                connector_id INTEGER NOT NULL,
                status TEXT NOT NULL,
                error_code TEXT NOT NULL,
                info TEXT,
                vendor_id TEXT,
                vendor_error_code TEXT,
                charger_timestamp TEXT,
                received_at TEXT NOT NULL
            );
            CREATE INDEX status_history_by_charger ON status_history (charger_id, received_at);
            CREATE TABLE counters (
                name TEXT PRIMARY KEY NOT NULL,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO counters (name, value) VALUES ('next_transaction_id', 1);
            CREATE TABLE transactions (
                id INTEGER PRIMARY KEY,
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                connector_id INTEGER,
                id_tag TEXT,
                reservation_id INTEGER,
                meter_start INTEGER,
                started_at TEXT,
                meter_stop INTEGER,
                stopped_at TEXT,
                stop_reason TEXT,
                stop_id_tag TEXT,
                energy_wh REAL,
                unknown_at_stop INTEGER NOT NULL DEFAULT 0,
                recorded_at TEXT NOT NULL,
                closed_at TEXT
            );
            CREATE INDEX transactions_by_charger ON transactions (charger_id, started_at);
            CREATE INDEX transactions_open ON transactions (charger_id, connector_id) WHERE stopped_at IS NULL;
            CREATE TABLE meter_values (
                id INTEGER PRIMARY KEY,
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                connector_id INTEGER NOT NULL,
                transaction_id INTEGER,
                at TEXT NOT NULL,
                measurand TEXT NOT NULL,
                phase TEXT,
                location TEXT,
                context TEXT,
                value REAL NOT NULL,
                unit TEXT NOT NULL
            );
            CREATE INDEX meter_values_by_charger ON meter_values (charger_id, at);
            CREATE INDEX meter_values_by_transaction ON meter_values (transaction_id)
                WHERE transaction_id IS NOT NULL;
            """)

    /// Version 2: what the central system did and why (the audit trail), and what it learned.
    static let auditTrail = SQLiteMigration(
        version: 2, name: "settings, configuration, events, decisions, commands, inputs, tariff",
        sql: """
            CREATE TABLE charger_settings (
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (charger_id, key)
            ) WITHOUT ROWID;
            CREATE TABLE charger_configuration (
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT,
                readonly INTEGER NOT NULL,
                reported_at TEXT NOT NULL,
                PRIMARY KEY (charger_id, key)
            ) WITHOUT ROWID;
            CREATE TABLE charger_events (
                id INTEGER PRIMARY KEY,
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX charger_events_by_charger ON charger_events (charger_id, at);
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                connector_id INTEGER NOT NULL,
                charging INTEGER,
                limit_amps REAL,
                session TEXT,
                availability TEXT,
                rules TEXT NOT NULL DEFAULT '{}',
                unknown_inputs TEXT NOT NULL DEFAULT '[]',
                explanation TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX decisions_by_charger ON decisions (charger_id, connector_id, at);
            CREATE INDEX decisions_by_time ON decisions (at);
            CREATE TABLE commands (
                id INTEGER PRIMARY KEY,
                charger_id TEXT NOT NULL REFERENCES chargers(id) ON DELETE CASCADE,
                connector_id INTEGER,
                action TEXT NOT NULL,
                payload TEXT NOT NULL,
                source TEXT NOT NULL,
                decision_id INTEGER,
                sent_at TEXT NOT NULL,
                outcome TEXT NOT NULL,
                error_code TEXT,
                error_description TEXT,
                response TEXT,
                latency_ms REAL
            );
            CREATE INDEX commands_by_charger ON commands (charger_id, sent_at);
            CREATE INDEX commands_by_time ON commands (sent_at);
            CREATE INDEX commands_by_decision ON commands (decision_id) WHERE decision_id IS NOT NULL;
            CREATE TABLE inputs (
                name TEXT PRIMARY KEY NOT NULL,
                value REAL NOT NULL,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE tariff_prices (
                start_at TEXT PRIMARY KEY NOT NULL,
                end_at TEXT NOT NULL,
                price REAL NOT NULL
            ) WITHOUT ROWID;
            """)

    /// Version 3: why the scheduler sent each command (`resume`, `withdraw limit`, ...), which the
    /// payload alone does not tell; older rows have none.
    static let commandReasons = SQLiteMigration(
        version: 3, name: "command reasons",
        sql: """
            ALTER TABLE commands ADD COLUMN reason TEXT;
            """)

    /// Version 4: what a decision held back (a `start` waiting for a pause to lift) and the numbers
    /// behind it (the limit the rules asked, the charger's bounds, the inputs the deciding rules
    /// read), for `ampwise why`; older rows have none.
    static let decisionFigures = SQLiteMigration(
        version: 4, name: "decision figures",
        sql: """
            ALTER TABLE decisions ADD COLUMN held_back TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE decisions ADD COLUMN asked_limit_amps REAL;
            ALTER TABLE decisions ADD COLUMN min_current REAL;
            ALTER TABLE decisions ADD COLUMN max_current REAL;
            ALTER TABLE decisions ADD COLUMN inputs TEXT NOT NULL DEFAULT '{}';
            """)

    /// Version 5: every input value as it was pushed, for the dashboard's charts
    /// (`GET /api/history`); `inputs` keeps only the latest.
    static let inputHistory = SQLiteMigration(
        version: 5, name: "input history",
        sql: """
            CREATE TABLE input_history (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                value REAL NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX input_history_by_time ON input_history (at);
            """)

    /// Version 6: the energy goals set through the API (`POST /api/chargers/{id}/goal`), one per
    /// connector, so that a restart keeps them; a row goes when its goal ends or is cleared.
    static let energyGoals = SQLiteMigration(
        version: 6, name: "energy goals",
        sql: """
            CREATE TABLE energy_goals (
                charger_id TEXT NOT NULL,
                connector_id INTEGER NOT NULL,
                energy_wh REAL NOT NULL,
                by_at TEXT NOT NULL,
                strategy TEXT NOT NULL,
                set_at TEXT NOT NULL,
                transaction_id INTEGER,
                PRIMARY KEY (charger_id, connector_id)
            ) WITHOUT ROWID;
            """)

    /// Version 7: the phases a decision holds a phase-switching charger's limit on (1 or 3; NULL
    /// on other chargers and in older rows), docs/rules.md "Phase switching".
    static let decisionPhases = SQLiteMigration(
        version: 7, name: "decision phases",
        sql: """
            ALTER TABLE decisions ADD COLUMN phases INTEGER;
            """)

    /// Version 8: the charger's own id of a transaction, for OCPP 2.0.1 stations whose ids are
    /// strings (docs/ocpp201.md); 1.6 rows have none (their id is Ampwise's).
    static let chargerTransactionIds = SQLiteMigration(
        version: 8, name: "charger transaction ids",
        sql: """
            ALTER TABLE transactions ADD COLUMN ocpp_transaction_id TEXT;
            CREATE INDEX transactions_by_ocpp_id ON transactions (charger_id, ocpp_transaction_id)
                WHERE ocpp_transaction_id IS NOT NULL;
            """)

    /// Version 9: the OCPP 2.0.1 RequestStartTransactions still waiting for their transaction, so
    /// that the TransactionEvent carrying a `remoteStartId` is tied to its request also after a
    /// restart, and the `remoteStartId` a transaction came with (docs/ocpp201.md, "Transactions").
    static let remoteStarts = SQLiteMigration(
        version: 9, name: "remote starts",
        sql: """
            CREATE TABLE remote_starts (
                id INTEGER PRIMARY KEY,
                charger_id TEXT NOT NULL,
                evse_id INTEGER NOT NULL,
                id_tag TEXT NOT NULL,
                requested_at TEXT NOT NULL
            );
            ALTER TABLE transactions ADD COLUMN remote_start_id INTEGER;
            """)
}
