import Foundation
import Testing
@testable import TallyCore

/// The bad-input catalogue, files that exports must treat with care: targets refused or kept as they
/// were, modes, links and names kept, and nothing an attacker planted followed.
extension BadInputCatalogueTests {
    /// Runs `text` in a fresh session over the bundled data and returns what it wrote to standard error.
    static func run(_ text: String) -> String {
        let output = BufferedOutput()
        _ = session.run(SourceFile(name: "<catalogue>", text: text), mode: .script, output: output)
        return output.errors
    }

    /// A fresh folder for one test.
    static func scratchFolder() -> String {
        let path = NSTemporaryDirectory() + "tally-files-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func refusedTargetsKeepTheirContent() throws {
        for name in ["read-only.csv", "linked.csv"] {
            _ = Self.run("export countries to \"\(Self.folder)/\(name)\"")
            #expect(TestFiles.read(Self.folder + "/" + name) == "old\n")
        }
        #expect(TestFiles.read(Self.folder + "/linked-too.csv") == "old\n")
    }

    @Test func exportKeepsTheModeOfTheFileItReplaces() throws {
        let folder = Self.scratchFolder()
        let path = folder + "/private.csv"
        FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(Self.run("export countries limit 1 to \"\(path)\"").hasPrefix("exported 1 row"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(TestFiles.read(path)?.hasPrefix("iso3,") == true)
    }

    @Test func exportWritesThroughASymbolicLink() throws {
        let folder = Self.scratchFolder()
        FileManager.default.createFile(atPath: folder + "/real.csv", contents: Data("old\n".utf8))
        symlink("real.csv", folder + "/link.csv")
        #expect(Self.run("export countries limit 1 to \"\(folder)/link.csv\"").hasPrefix("exported 1 row"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real.csv")
        #expect(TestFiles.read(folder + "/real.csv")?.hasPrefix("iso3,") == true)
    }

    /// Another user's links at every temporary name tally might pick must not redirect the write.
    @Test func exportFollowsNoPlantedLink() throws {
        let folder = Self.scratchFolder()
        let victim = folder + "/victim.txt"
        FileManager.default.createFile(atPath: victim, contents: Data("precious\n".utf8))
        symlink(victim, folder + "/out.csv.tally-tmp-\(getpid())")
        #expect(Self.run("export countries limit 1 to \"\(folder)/out.csv\"").hasPrefix("exported 1 row"))
        #expect(TestFiles.read(victim) == "precious\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["out.csv", "out.csv.tally-tmp-\(getpid())", "victim.txt"])
    }

    @Test func exportToANameNearTheLimit() throws {
        let folder = Self.scratchFolder()
        let name = String(repeating: "a", count: 251) + ".csv"
        #expect(Self.run("export countries limit 1 to \"\(folder)/\(name)\"").hasPrefix("exported 1 row"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [name])
    }

    @Test func cancelledWriteLeavesTheTargetAndNoTemporaryFile() throws {
        let folder = Self.scratchFolder()
        let path = folder + "/out.csv"
        FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: Diagnostic.self) { try FileWriter.write(String(repeating: "x", count: 3 << 20), to: path, cancellation: flag) }
        #expect(TestFiles.read(path) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }
}
