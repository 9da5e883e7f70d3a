import Foundation
import Logging

/// The `ampwise` executable: parses the command line and runs the command it names.
public enum AmpwiseCommand {
    /// Runs `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String]) async -> Int32 {
        let command: ParsedCommand
        do {
            command = try CommandLineParser.parse(arguments)
        } catch {
            printError(error.line)
            return error.exitStatus
        }
        switch command {
        case .version:
            print("ampwise \(AmpwiseVersion.current)")
            return 0
        case .help(let topic):
            print(CommandLineHelp.text(for: topic), terminator: "")
            return 0
        case .serve(let options):
            return await ServeCommand.run(options)
        case .check(let options):
            return CheckCommand.run(options)
        case .plan(let options):
            return PlanCommand.run(options)
        case .why(let options):
            return await WhyCommand.run(options)
        case .sources(let options):
            return await SourcesCommand.run(options)
        case .demo(let options):
            return await DemoCommand.run(options)
        }
    }

    /// One line on standard error, for problems that stop a command before logging starts.
    static func printError(_ line: String) {
        // Log lines are written by a thread of their own: the ones before this go first.
        Logger.flush()
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Loads the configuration or prints every problem in it.
    static func loadConfiguration(path: String?) -> AmpwiseConfiguration? {
        do {
            return try AmpwiseConfiguration.load(path: path)
        } catch {
            for line in error.lines { printError("ampwise: \(line)") }
            return nil
        }
    }
}
