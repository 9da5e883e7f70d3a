/// RemoteStopTransaction.req: Sent by the central system; asks the charger to stop a transaction.
public struct RemoteStopTransactionRequest: OCPPRequest {
    public typealias Confirmation = RemoteStopTransactionConfirmation
    public static let action = OCPPAction.remoteStopTransaction

    public var transactionId: Int

    public init(transactionId: Int) {
        self.transactionId = transactionId
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        transactionId = try reader.integer("transactionId")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("transactionId", transactionId)
    }
}

/// RemoteStopTransaction.conf: the answer to `RemoteStopTransactionRequest`.
public struct RemoteStopTransactionConfirmation: OCPPPayload {
    public var status: RemoteStartStopStatus

    public init(status: RemoteStartStopStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
