/// `ampwise why`: built by the scheduler work (issue 5).
enum WhyCommand {
    static func run(_ options: WhyOptions) async -> Int32 {
        AmpwiseCommand.printError("ampwise: why is not built yet")
        return 1
    }
}
