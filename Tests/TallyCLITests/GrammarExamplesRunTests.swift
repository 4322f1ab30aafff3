import Foundation
import Testing

/// `Grammar/examples.tally` runs, not only parses: every statement in it succeeds on the bundled
/// data, in a fresh folder holding the two files it loads.
@Suite struct GrammarExamplesRunTests {
    @Test func everyGrammarExampleRuns() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try folder.write("data/postcodes.csv", "year,people,households,country_code\n2020,10,4,DE\n2021,12,5,FR\n")
        try folder.write("other.tsv", "a\tb\n1\tx\n")
        let run = try TallyBinary.run([TallyBinary.packageRoot + "/Grammar/examples.tally"], directory: folder.path)
        #expect(run.status == 0, "examples.tally exited \(run.status)")
        #expect(!run.errors.contains("error:"), "\(run.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/ru.csv"))
        #expect(run.output.contains("SELECT"), "the sql example prints its statement")
    }
}
