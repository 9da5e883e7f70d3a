import HTTP

/// The router's answer to `GET /api/events`: a stream to open, or an error to answer.
enum EventStreamAdmission: Sendable {
    case refused(HTTPResponse)
    case accepted(EventStreamSource, lastEventId: String?)
}
