import App
import Foundation

exit(await AmpwiseCommand.main(Array(CommandLine.arguments.dropFirst())))
