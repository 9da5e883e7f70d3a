/// `ampwise plan`: built by the scheduler work (issue 5).
enum PlanCommand {
    static func run(_ options: PlanOptions) -> Int32 {
        AmpwiseCommand.printError("ampwise: plan is not built yet")
        return 1
    }
}
