import Foundation
import Testing
@testable import TallyCore

/// `run`, `drop`, `reset` and `record`, on the harness's table `t` and files in a temporary folder.
@Suite struct HousekeepingTests {
    /// Runs `text` at the prompt of `harness`'s session (statements go on after an error).
    func typed(_ text: String, in harness: QueryHarness) -> (output: String, errors: String, outcome: Session.Outcome) {
        let sink = BufferedOutput()
        let outcome = harness.session.run(SourceFile(name: "<prompt>", text: text), mode: .interactive, output: sink)
        return (sink.output, sink.errors, outcome)
    }

    @Test func runEchoesEachStatementAndStopsAtTheFirstError() throws {
        let folder = try CSVTestSupport.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "t show count\n\nt where kind = new\n  show sum(n) as n\nt show nope\nt show count\n".write(toFile: folder + "/a.tally", atomically: true, encoding: .utf8)
        let harness = QueryHarness()
        let run = typed("run \"\(folder)/a.tally\"", in: harness)
        #expect(run.outcome == .failure)
        #expect(run.output == "count\n6\nn\n18\n")
        #expect(run.errors.hasPrefix("→ t show count\n→ t where kind = new\n  show sum(n) as n\n→ t show nope\nerror: unknown column 'nope'"))
        #expect(!run.errors.contains("→ t show count\n→ t where kind = new\n  show sum(n) as n\n→ t show nope\n→"))
    }

    @Test func runInAScriptIsRelativeToTheScriptAndAScriptCannotRunItself() throws {
        let folder = try CSVTestSupport.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/lessons", withIntermediateDirectories: true)
        try "t show count\nrun \"b.tally\"\n".write(toFile: folder + "/lessons/a.tally", atomically: true, encoding: .utf8)
        try "t show sum(n) as n\nrun \"a.tally\"\n".write(toFile: folder + "/lessons/b.tally", atomically: true, encoding: .utf8)
        let harness = QueryHarness()
        let sink = BufferedOutput()
        let path = folder + "/lessons/a.tally"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(harness.session.run(SourceFile(name: path, text: text, path: path), mode: .script, output: sink) == .failure)
        #expect(sink.output == "count\n6\nn\n33\n")
        #expect(sink.errors.contains("error: 'a.tally' is already running, so running it again would never end\n"))
        #expect(sink.errors.contains("= help: running: \(folder)/lessons/a.tally → \(folder)/lessons/b.tally → \(folder)/lessons/a.tally\n"))
        #expect(harness.session.runningScripts.isEmpty)
        // At the prompt a relative path is taken from the working folder, where there is no b.tally.
        #expect(typed("run \"b.tally\"", in: harness).errors.hasPrefix("error: cannot read script 'b.tally': No such file or directory"))
    }

    @Test func dropRemovesADatasetAndResetBringsTheStartBack() {
        let harness = QueryHarness()
        harness.session.settings.format = .csv
        harness.session.markStart()
        #expect(typed("let a = t where kind = new", in: harness).outcome == .success)
        #expect(typed("set format json", in: harness).outcome == .success)
        #expect(typed("drop a", in: harness).errors == "dropped a\n")
        #expect(harness.session.catalog.table(named: "a") == nil)
        #expect(typed("drop T", in: harness).errors == "dropped t (`reset` brings it back)\n")
        #expect(typed("t show count", in: harness).errors.hasPrefix("error: unknown dataset 't'"))
        let unknown = typed("drop tt", in: harness)
        #expect(unknown.outcome == .failure)
        #expect(unknown.errors.hasPrefix("error: unknown dataset 'tt'"))
        _ = typed("let b = t", in: harness)
        #expect(typed("reset", in: harness).errors == "reset: the datasets and settings are as at the start\n")
        #expect(harness.session.catalog.names == ["t"])
        #expect(harness.session.settings.format == .csv)
        #expect(harness.session.lastQuery == nil)
        #expect(typed("t show count", in: harness).output == "count\n6\n")
    }

    @Test func recordWritesATranscriptThatRunReplays() throws {
        let folder = try CSVTestSupport.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/session.tally"
        let harness = QueryHarness()
        let input = PromptInput(session: harness.session, sourceName: "<prompt>")
        let lines = ["record \"\(path)\"", "t where kind = new show sum(n) as n", "  group by country", "t wher x", "t show nope", "let a = t where country = ITA", "record off"]
        var shown = ""
        for line in lines {
            let sink = BufferedOutput()
            _ = input.enter(line, output: sink)
            shown += sink.output
            if line == "record off" { #expect(sink.errors == "stopped recording: 3 statements in \(path); replay with: run \"\(path)\"\n") }
        }
        let transcript = try String(contentsOfFile: path, encoding: .utf8)
        #expect(transcript.hasPrefix("-- A tally session, each result under its statement. Replay it with: run \"\(path)\"\n\nt where kind = new show sum(n) as n\n-- n\n-- 18\n\nt where kind = new show sum(n) as n group by country\n-- country,n\n-- DEU,13\n-- FRA,5\n\n-- failed, so the replay leaves it out:\n-- t wher x\n-- error: expected a clause or the end of the statement, found 'wher'\n"))
        #expect(transcript.contains("\n-- failed, so the replay leaves it out:\n-- t show nope\n-- error: unknown column 'nope' in t\n"))
        #expect(transcript.hasSuffix("\n\nlet a = t where country = ITA\n-- let a: 1 row, 5 columns\n"))
        #expect(!transcript.contains("record"))

        let replay = QueryHarness()
        let sink = BufferedOutput()
        #expect(replay.session.run(SourceFile(name: "<prompt>", text: "run \"\(path)\""), mode: .interactive, output: sink) == .success)
        #expect(sink.output == shown)
        #expect(replay.session.catalog.table(named: "a")?.rowCount == 1)
    }

    @Test func recordToAPathThatCannotBeWrittenIsAnError() {
        let harness = QueryHarness()
        let failed = typed("record \"/nonexistent/folder/x.tally\"", in: harness)
        #expect(failed.outcome == .failure)
        #expect(failed.errors.hasPrefix("error: cannot write '/nonexistent/folder/x.tally'"))
        #expect(harness.session.transcript == nil)
        #expect(typed("record off", in: harness).errors == "not recording\n")
    }
}
