/// Every endpoint of docs/api.md, built on one set of dependencies.
enum APIEndpoints {
    static func routes(_ dependencies: APIDependencies) -> [APIRoute] {
        StatusEndpoints(dependencies: dependencies).routes
            + ChargerEndpoints(dependencies: dependencies).routes
            + CommandEndpoints(dependencies: dependencies).routes
            + PasswordEndpoints(dependencies: dependencies).routes
            + SecurityEventEndpoints(dependencies: dependencies).routes
            + ChargerEventEndpoints(dependencies: dependencies).routes
            + LimitEndpoints(dependencies: dependencies).routes
            + SchedulingEndpoints(dependencies: dependencies).routes
            + RecordEndpoints(dependencies: dependencies).routes
            + SourceEndpoints(dependencies: dependencies).routes
            + HistoryEndpoints(dependencies: dependencies).routes
            + TariffProviderEndpoints(dependencies: dependencies).routes
            + GoalEndpoints(dependencies: dependencies).routes
    }
}
