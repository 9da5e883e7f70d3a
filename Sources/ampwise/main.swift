import App
import Foundation
import Logging

let status = await AmpwiseCommand.main(Array(CommandLine.arguments.dropFirst()))
// The log is written by a thread of its own: what is still buffered goes out before the process ends.
Logger.flush()
exit(status)
