import Chronology
import Foundation
import HTTP
import HTTPClient
import InputSources
import JSON

/// What the providers share: addresses with a query, the status check, JSON bodies, timestamps.
enum ProviderSupport {
    /// `base` with `query` appended (after any query `base` already has), values percent-encoded.
    static func url(_ base: HTTPURL, query: [(String, String)]) throws(TariffFetchError) -> HTTPURL {
        var text = base.description
        if !query.isEmpty {
            text += base.target.contains("?") ? "&" : "?"
            text += query.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
        }
        do {
            return try HTTPURL(text)
        } catch {
            throw TariffFetchError(error.description)
        }
    }

    /// A fixed public address; a programming error if it does not parse.
    static func publicURL(_ text: String) -> HTTPURL {
        // The addresses are literals of this module, checked by the providers' tests.
        try! HTTPURL(text)
    }

    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "~")
            if isUnreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    /// Throws `HTTP 401 Unauthorized` for an answer outside 2xx.
    static func checkStatus(_ response: HTTPResponse) throws(TariffFetchError) {
        guard (200...299).contains(response.status.code) else {
            throw TariffFetchError("HTTP \(response.status.code) \(response.status.reasonPhrase)")
        }
    }

    static func json(_ response: HTTPResponse) throws(TariffFetchError) -> JSONValue {
        try checkStatus(response)
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw TariffFetchError("the answer is not JSON: \(error.message)")
        }
    }

    /// An RFC 3339 timestamp, or one without seconds (`2026-12-02T23:00Z`, as ENTSO-E writes them).
    static func timestamp(_ text: String) -> Date? {
        if let date = RFC3339.parse(text) { return date }
        let characters = Array(text)
        // yyyy-MM-ddTHH:mm followed by Z or an offset: add the seconds.
        guard characters.count >= 17, characters[13] == ":", characters.count == 16 || !characters[16].isNumber
        else { return nil }
        return RFC3339.parse(String(characters[..<16]) + ":00" + String(characters[16...]))
    }

    /// A number field of a JSON object, or the reason it is not one.
    static func number(_ object: JSONObject, _ key: String, at path: String) throws(TariffFetchError) -> Double {
        guard let value = object[key] else { throw TariffFetchError("\(path).\(key): missing") }
        do {
            return try JSONPath.number(from: value, at: "\(path).\(key)")
        } catch {
            throw TariffFetchError(error.message)
        }
    }

    /// A timestamp field: an RFC 3339 string, or a number of seconds (milliseconds when larger
    /// than 10^11, which as seconds would be past the year 5000) since 1970.
    static func instant(_ object: JSONObject, _ key: String, at path: String) throws(TariffFetchError) -> Date {
        guard let value = object[key] else { throw TariffFetchError("\(path).\(key): missing") }
        switch value {
        case .string(let text):
            guard let date = timestamp(text) else {
                throw TariffFetchError("\(path).\(key): \"\(text.prefix(40))\" is not an ISO 8601 date-time")
            }
            return date
        case .number(let number) where number.isFinite && abs(number) < 1e15:
            return Date(timeIntervalSince1970: abs(number) > 1e11 ? number / 1000 : number)
        default:
            throw TariffFetchError("\(path).\(key): expected a date-time, found \(value.typeDescription)")
        }
    }

    /// Ends for entries that give only a start: each ends where the next begins, the last after
    /// the step between the last two (an hour when there is only one).
    static func slotsFromStarts(_ starts: [(start: Date, price: Double)]) -> [(Date, Date, Double)] {
        let sorted = starts.sorted { $0.start < $1.start }
        var result: [(Date, Date, Double)] = []
        for (index, entry) in sorted.enumerated() {
            let end: Date
            if index + 1 < sorted.count {
                end = sorted[index + 1].start
            } else if index > 0 {
                end = entry.start.addingTimeInterval(entry.start.timeIntervalSince(sorted[index - 1].start))
            } else {
                end = entry.start.addingTimeInterval(3600)
            }
            result.append((entry.start, end, entry.price))
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
