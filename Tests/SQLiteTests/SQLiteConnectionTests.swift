import CSQLite
import Foundation
import SQLite
import TestSupport
import Testing

@Suite struct SQLiteConnectionTests {
    @Test func bindsAndReadsEveryStorageClass() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let missing: String? = nil
        try connection.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)", [Int.max, 2.5, "é\u{0}x😀", [UInt8]([0, 1, 255]), missing])
        let row = try connection.queryFirst("SELECT i, r, s, b, n FROM t") { row in
            (row.int(0), row.double(1), row.string(2), row.blob(3), row.optionalString(4), row.value(4))
        }
        #expect(row?.0 == Int.max)
        #expect(row?.1 == 2.5)
        #expect(row?.2 == "é\u{0}x😀")
        #expect(row?.3 == [0, 1, 255])
        #expect(row?.4 == nil)
        #expect(row?.5 == .null)
    }

    @Test func bindsBooleansAsIntegersAndDataAsBlobs() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let values = try connection.queryFirst("SELECT ?, ?, typeof(?)", [true, false, Data([7])]) { row in
            [row.value(0), row.value(1), row.value(2)]
        }
        #expect(values == [.integer(1), .integer(0), .text("blob")])
    }

    @Test func constraintErrorCarriesPrimaryAndExtendedCodesAndMessage() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        try connection.run("INSERT INTO t VALUES (1)")
        let error = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO t VALUES (?)", [1]) }
        #expect(error?.resultCode == SQLITE_CONSTRAINT)
        #expect(error?.extendedResultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.message == "UNIQUE constraint failed: t.x")
        #expect(error?.sql == "INSERT INTO t VALUES (?)")
        #expect(error?.isConstraintViolation == true)
    }

    @Test func syntaxErrorCarriesCodeOne() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try connection.run("SELEC 1") }
        #expect(error?.resultCode == SQLITE_ERROR)
        #expect(error?.message == #"near "SELEC": syntax error"#)
    }

    @Test func foreignKeysAreEnforced() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE p (id TEXT PRIMARY KEY); CREATE TABLE c (p TEXT REFERENCES p(id))")
        let error = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO c VALUES ('x')") }
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.message == "FOREIGN KEY constraint failed")
    }

    @Test func wrongArgumentCountIsARangeError() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try connection.run("SELECT ?, ?", [1]) }
        #expect(error?.resultCode == SQLITE_RANGE)
        #expect(error?.message == "statement takes 2 arguments, 1 given")
    }

    @Test func openingAMissingFileReadOnlyFailsWithCantOpen() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: SQLiteError.self) {
            _ = try SQLiteConnection(path: directory.file("missing.sqlite"), flags: [.readOnly])
        }
        #expect(error?.resultCode == SQLITE_CANTOPEN)
    }

    @Test func statementsAreCachedBySQLText() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let first = try connection.statement("SELECT 1")
        let second = try connection.statement("SELECT 1")
        #expect(first === second)
        #expect(try connection.scalar("SELECT 1") == .integer(1))
        #expect(try connection.scalar("SELECT 1") == .integer(1))
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        struct Failure: Error {}
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Failure.self) {
            try connection.transaction {
                try connection.run("INSERT INTO t VALUES (1)")
                throw Failure()
            }
        }
        #expect(connection.isInTransaction == false)
        #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
        try connection.transaction { try connection.run("INSERT INTO t VALUES (2)") }
        #expect(try connection.scalar("SELECT sum(x) FROM t") == .integer(2))
    }

    @Test func closedConnectionThrowsMisuse() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        connection.close()
        let error = #expect(throws: SQLiteError.self) { try connection.run("SELECT 1") }
        #expect(error?.resultCode == SQLITE_MISUSE)
        #expect(error?.message == "connection is closed")
    }
}

extension SQLiteConnectionTests {
    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let types = try connection.queryFirst("SELECT typeof(?), typeof(?)", ["", [UInt8]()]) { row in
            [row.string(0), row.string(1)]
        }
        #expect(types == ["text", "blob"])
    }
}
