import Store

extension Store: APIRecords {}
