import Scheduler

extension Store: APIRecords {}
