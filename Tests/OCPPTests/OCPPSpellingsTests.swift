import OCPP
import Testing

@testable import OCPP

/// One table of spellings answers both directions, keeps the schema's order and refuses a value or spelling twice.
@Suite struct OCPPSpellingsTests {
    /// Every OCPP enumeration Ampwise knows; a new one belongs here.
    static let enumerations: [any OCPPEnumeration.Type] = [
        AcceptanceStatus.self, AuthorizationStatus.self, AvailabilityStatus.self, AvailabilityType.self,
        ChargePointErrorCode.self, ChargePointStatus.self, ChargingProfileKind.self, ChargingProfilePurpose.self,
        ChargingProfileStatus.self, ChargingRateUnit.self, ClearChargingProfileStatus.self, ConfigurationStatus.self,
        DataTransferStatus.self, DiagnosticsStatus.self, FirmwareStatus.self, Location.self, Measurand.self,
        MessageTrigger.self, Phase.self, ReadingContext.self, RecurrencyKind.self, RegistrationStatus.self,
        ReservationStatus.self, ResetType.self, StopReason.self, TriggerMessageStatus.self, UnitOfMeasure.self,
        UnlockStatus.self, UpdateStatus.self, UpdateType.self, ValueFormat.self,
    ]

    @Test(arguments: enumerations) func everyTableListsEachKnownValueAndSpellingOnce(_ type: any OCPPEnumeration.Type) {
        func check<Value: OCPPEnumeration>(_: Value.Type) {
            #expect(!Value.spellings.isEmpty)
            #expect(Set(Value.spellings.map(\.spelling)).count == Value.spellings.count)
            #expect(Set(Value.spellings.map(\.value)).count == Value.spellings.count)
            #expect(Set(Value.spellings.map { $0.spelling.lowercased() }).count == Value.spellings.count)
            #expect(Value.spellings.allSatisfy { $0.value.isKnown })
        }
        check(type)
    }

    @Test(arguments: enumerations) func everySpellingReadsAndWritesBack(_ type: any OCPPEnumeration.Type) {
        func check<Value: OCPPEnumeration>(_: Value.Type) {
            for (value, spelling) in Value.spellings {
                #expect(Value.known(spelling) == value)
                #expect(Value(spelling: spelling) == value)
                #expect(value.spelling == spelling)
                #expect(Value.spellings.value(spelledIgnoringCase: spelling.uppercased()) == value)
            }
        }
        check(type)
    }

    @Test(arguments: enumerations) func anUnknownSpellingIsKeptAndWrittenUnchanged(_ type: any OCPPEnumeration.Type) {
        func check<Value: OCPPEnumeration>(_: Value.Type) {
            #expect(Value.known("Nonsense") == nil)
            let value = Value(spelling: "Nonsense")
            #expect(value == Value.unrecognized("Nonsense"))
            #expect(value.unrecognizedSpelling == "Nonsense")
            #expect(!value.isKnown)
            #expect(value.spelling == "Nonsense")
            #expect(Value(spelling: "").spelling == "")
        }
        check(type)
    }

    private let digits: OCPPSpellings<Int> = [(1, "One"), (2, "Two"), (3, "Three")]

    @Test func keepsTheTablesOrder() {
        #expect(digits.map(\.value) == [1, 2, 3])
        #expect(digits.map(\.spelling) == ["One", "Two", "Three"])
    }

    @Test func looksUpBothWays() {
        #expect(digits.value(spelled: "Two") == 2)
        #expect(digits.spelling(of: 3) == "Three")
        #expect(digits.value(spelled: "two") == nil)
        #expect(digits.value(spelled: "Four") == nil)
        #expect(digits.spelling(of: 4) == nil)
    }

    @Test func forgivesCaseOnlyWhenAsked() {
        #expect(digits.value(spelledIgnoringCase: "tHREE") == 3)
        #expect(digits.value(spelledIgnoringCase: "Four") == nil)
    }

    @Test func theFirstOfTwoSpellingsThatDifferInCaseWinsALenientLookup() {
        let table: OCPPSpellings<Int> = [(1, "kW"), (2, "KW")]
        #expect(table.value(spelledIgnoringCase: "kw") == 1)
        #expect(table.value(spelled: "KW") == 2)
    }

    @Test func aSpellingListedTwiceStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let table: OCPPSpellings<Int> = [(1, "One"), (2, "One")]
            _ = table.count
        }
    }

    @Test func aValueListedTwiceStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let table: OCPPSpellings<Int> = [(1, "One"), (1, "Uno")]
            _ = table.count
        }
    }
}
